package org.chorus.distribution.contacts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.CoordinatorGate;
import org.chorus.platform.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact list, with its contacts, segments and imports, belongs to one coalition: only coordinators of that
 * coalition (as {@code GET /api/me} of the statements service says through {@link CoordinatorGate}) reach it; to
 * everyone else it answers 404, as a list that does not exist. A list without a coalition (made before coalitions) is
 * nobody's until an administrator gives it to one. With the gate off (the service tested alone) every list is open.
 */
@Component
public class ContactListAccess {
    private final CoordinatorGate gate;
    private final JdbcClient jdbc;

    ContactListAccess(CoordinatorGate gate, JdbcClient jdbc) {
        this.gate = gate;
        this.jdbc = jdbc;
    }

    /** The coalition a new list belongs to: {@code requested}, which must be one of the caller's, or their first. */
    UUID forNewList(HttpServletRequest request, UUID requested) {
        Optional<CoordinatorGate.Caller> caller = gate.caller(request);
        if (caller.isEmpty()) {
            return requested;
        }
        if (requested == null) {
            if (caller.get().coalitions().isEmpty()) {
                throw Problems.badRequest("You belong to no coalition: ask a colleague to add you to theirs.");
            }
            return caller.get().coalitions().get(0);
        }
        if (!caller.get().coalitions().contains(requested)) {
            throw Problems.badRequest("You belong to no coalition " + requested + ".");
        }
        return requested;
    }

    /** The caller's coalitions, whose lists they see; empty with the gate off (the service tested alone). */
    public Optional<List<UUID>> coalitionsOf(HttpServletRequest request) {
        return gate.caller(request).map(CoordinatorGate.Caller::coalitions);
    }

    /** Returns the list's coalition when the caller belongs to it; otherwise 404, as for a list that does not exist. */
    @Transactional(readOnly = true)
    public Optional<UUID> require(HttpServletRequest request, UUID listId) {
        Optional<Optional<UUID>> owner = jdbc.sql("select coalition_id from contact_list where id = ?")
                .param(listId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional();
        if (owner.isEmpty()) {
            throw Problems.notFound("No contact list " + listId + ".");
        }
        Optional<CoordinatorGate.Caller> caller = gate.caller(request);
        if (caller.isPresent()
                && (owner.get().isEmpty()
                        || !caller.get().coalitions().contains(owner.get().get()))) {
            throw Problems.notFound("No contact list " + listId + ".");
        }
        return owner.get();
    }

    /** The coalition of the contact's list (empty for a list made before coalitions); 404 for no such contact. */
    @Transactional(readOnly = true)
    public Optional<UUID> coalitionOfContact(UUID contactId) {
        return jdbc.sql("""
                        select l.coalition_id from contact c join contact_list l on l.id = c.list_id
                        where c.id = ? and c.removed_at is null""")
                .param(contactId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .orElseThrow(() -> Problems.notFound("No contact " + contactId + "."));
    }

    /** An administrator gives a list to a coalition (lists made before coalitions have none). */
    @Transactional
    void assign(UUID listId, UUID coalitionId) {
        int updated = jdbc.sql("update contact_list set coalition_id = ? where id = ?")
                .params(coalitionId, listId)
                .update();
        if (updated == 0) {
            throw Problems.notFound("No contact list " + listId + ".");
        }
    }
}
