package org.chorus.distribution.releases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.chorus.distribution.contacts.ContactListAccess;
import org.chorus.platform.web.CoordinatorGate;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a release: only coordinators with a role on its statement, as the statements service says
 * through {@link CoordinatorGate}. Viewers and commenters may read a release; only editors and owners may release,
 * decide or send a test. A release of a statement the caller has no role on is answered as if it did not exist. A
 * release goes only to a contact list (or segment of one) of the statement's own coalition that the caller belongs to.
 */
@Component
class ReleaseAccess {
    private final CoordinatorGate gate;
    private final Releases releases;
    private final ContactListAccess lists;

    ReleaseAccess(CoordinatorGate gate, Releases releases, ContactListAccess lists) {
        this.gate = gate;
        this.releases = releases;
        this.lists = lists;
    }

    /**
     * Returns when the caller belongs to the list's coalition and that is the statement's coalition; otherwise 404, as
     * for a list that does not exist. The caller's role on the statement is checked before.
     */
    void requireListOfStatement(HttpServletRequest request, UUID statementId, UUID listId) {
        Optional<UUID> statementCoalition = gate.coalitionOf(request, statementId);
        Optional<UUID> listCoalition = lists.require(request, listId);
        if (statementCoalition.isPresent() && !statementCoalition.equals(listCoalition)) {
            throw Problems.notFound("No contact list " + listId + " of this statement's coalition.");
        }
    }

    /**
     * Returns when the contact is on a list of the statement's coalition, so that a preview shows nothing of another
     * coalition's contacts; otherwise 404. The caller's role on the statement is checked before.
     */
    void requireContactOfStatement(HttpServletRequest request, UUID statementId, UUID contactId) {
        Optional<UUID> statementCoalition = gate.coalitionOf(request, statementId);
        Optional<UUID> contactCoalition = lists.coalitionOfContact(contactId);
        if (statementCoalition.isPresent() && !statementCoalition.equals(contactCoalition)) {
            throw Problems.notFound("No contact " + contactId + ".");
        }
    }

    /** The address a test send goes to: the caller's own, whatever they ask for; {@code asked} when the gate is off. */
    String ownAddress(HttpServletRequest request, String asked) {
        Optional<CoordinatorGate.Caller> caller = gate.caller(request);
        String address = caller.isPresent() ? caller.get().email() : asked;
        if (address == null || address.isBlank()) {
            throw caller.isPresent()
                    ? Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Your account address cannot be read right now.")
                    : Problems.badRequest("Give the address to send the test to.");
        }
        return address.strip();
    }

    /** Returns when the caller may read ({@code acting} false) or change statement's releases; else a Refusal. */
    void requireStatement(HttpServletRequest request, UUID statementId, boolean acting) {
        gate.requireRole(request, statementId, acting);
    }

    /** The release with its progress, when the caller may read it ({@code acting} false) or change it. */
    Releases.Progress release(HttpServletRequest request, UUID id, boolean acting) {
        Releases.Progress release = releases.progress(id);
        try {
            gate.requireRole(request, release.statementId(), acting);
        } catch (CoordinatorGate.Refusal refusal) {
            if (refusal.status() == 404) {
                throw Problems.notFound("No release " + id + ".");
            }
            throw refusal;
        }
        return release;
    }

    /** The most recent releases the caller may read, newest first. */
    List<Releases.Progress> recent(HttpServletRequest request, int limit) {
        Predicate<UUID> readable = gate.statementsReadableBy(request);
        return releases.recent(limit, readable);
    }
}
