package org.chorus.distribution.contacts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Press and policy contacts, kept in named lists. Removed contacts stay out of every list and every release. */
@Service
public class Contacts {
    static final String COLUMNS = """
            id, name, email, outlet, language, languages, role, country, beat, type, tags, source, consent_basis,
            accredited""";
    static final RowMapper<Contact> CONTACT = Contacts::contact;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AddressKey key;

    Contacts(JdbcClient jdbc, Ledger ledger, AddressKey key) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.key = key;
    }

    /** {@code languages}: the languages the contact reads, preferred first; {@code language} is the first of them. */
    public record Contact(
            UUID id,
            String name,
            String email,
            String outlet,
            String language,
            List<String> languages,
            String role,
            String country,
            String beat,
            String type,
            List<String> tags,
            String source,
            String consentBasis,
            boolean accredited) {

        /** What a coordinator or an import entered, through the platform's HumanText (one line each). */
        Contact normalised() {
            return new Contact(
                    id,
                    HumanText.singleLine("name", name, 200),
                    HumanText.singleLine("email", email, 254),
                    HumanText.singleLine("outlet", outlet, 200),
                    language,
                    languages,
                    HumanText.singleLine("role", role, 200),
                    country,
                    HumanText.singleLine("beat", beat, 200),
                    type,
                    tags == null
                            ? List.of()
                            : tags.stream()
                                    .map(tag -> HumanText.singleLine("tags", tag, 50))
                                    .toList(),
                    HumanText.singleLine("source", source, 200),
                    HumanText.singleLine("consentBasis", consentBasis, 200),
                    accredited);
        }

        Contact withId(UUID newId) {
            return new Contact(
                    newId,
                    name,
                    email,
                    outlet,
                    language,
                    languages,
                    role,
                    country,
                    beat,
                    type,
                    tags,
                    source,
                    consentBasis,
                    accredited);
        }
    }

    public record ContactList(UUID id, String name, List<Contact> contacts) {}

    @Transactional
    ContactList createList(String name, UUID coalitionId) {
        name = HumanText.singleLine("name", name, 200);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into contact_list (id, name, coalition_id) values (?, ?, ?)")
                .params(id, name, coalitionId)
                .update();
        return new ContactList(id, name, List.of());
    }

    @Transactional
    Contact add(UUID listId, Contact details) {
        lockList(listId);
        Contact contact = details.normalised().withId(UUID.randomUUID());
        if (!insert(listId, contact)) {
            throw Problems.conflict("The list already has a contact with the e-mail address " + contact.email() + ".");
        }
        return contact;
    }

    /** Inserts in the caller's transaction; false if the list already has this address. */
    boolean insert(UUID listId, Contact contact) {
        return jdbc.sql("""
                                insert into contact (id, list_id, name, email, outlet, language, languages, role, country,
                                                     beat, type, tags, source, consent_basis, accredited)
                                values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?::text[], ?, ?, ?)
                                on conflict do nothing""")
                        .params(
                                contact.id(),
                                listId,
                                contact.name(),
                                contact.email(),
                                contact.outlet(),
                                contact.languages().isEmpty()
                                        ? null
                                        : contact.languages().get(0),
                                arrayLiteral(contact.languages()),
                                contact.role(),
                                contact.country(),
                                contact.beat(),
                                contact.type(),
                                arrayLiteral(contact.tags()),
                                contact.source(),
                                contact.consentBasis(),
                                contact.accredited())
                        .update()
                == 1;
    }

    void lockList(UUID listId) {
        jdbc.sql("select id from contact_list where id = ? for share")
                .param(listId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No contact list " + listId + "."));
    }

    /** Removes a contact from its list at once; planned release mail to it is stopped. */
    @Transactional
    void remove(UUID listId, UUID contactId, Instant now) {
        int removed =
                jdbc.sql("""
                        update contact set removed_at = ? where id = ? and list_id = ? and removed_at is null""").params(Timestamp.from(now), contactId, listId).update();
        if (removed == 0) {
            throw Problems.notFound("No contact " + contactId + " on list " + listId + ".");
        }
        ledger.suppressPlanned(contactId, "contact removed");
    }

    /** The lists of these coalitions (every list when empty: the service tested alone), by name. */
    @Transactional(readOnly = true)
    public List<ListSummary> lists(Optional<List<UUID>> coalitions) {
        return jdbc.sql("""
                        select l.id, l.name,
                               (select count(*) from contact c where c.list_id = l.id and c.removed_at is null) as contacts
                          from contact_list l
                         where ? or l.coalition_id = any(?)
                         order by l.name, l.id""")
                .params(coalitions.isEmpty(), coalitions.orElse(List.of()).toArray(UUID[]::new))
                .query((row, number) ->
                        new ListSummary(row.getObject("id", UUID.class), row.getString("name"), row.getInt("contacts")))
                .list();
    }

    public record ListSummary(UUID id, String name, int contacts) {}

    /** The list with its current contacts in the order they were added. */
    @Transactional(readOnly = true)
    public Optional<ContactList> find(UUID listId) {
        return jdbc.sql("select name from contact_list where id = ?")
                .param(listId)
                .query(String.class)
                .optional()
                .map(name -> new ContactList(
                        listId,
                        name,
                        jdbc.sql("select " + COLUMNS + " from contact where list_id = ? and removed_at is null "
                                        + "order by created_at, id")
                                .param(listId)
                                .query(CONTACT)
                                .list()));
    }

    /**
     * The contacts of a list that may receive a release: not removed, not unsubscribed, and their address not on the
     * suppression list.
     */
    @Transactional(readOnly = true)
    public List<Contact> mailable(UUID listId) {
        return jdbc.sql("select " + COLUMNS + """
                         from contact c
                        where list_id = ? and removed_at is null and unsubscribed_at is null
                          and not address_suppressed(c.email, ?, ?)
                        order by created_at, id""")
                .params(listId, key.innerPad(), key.outerPad())
                .query(CONTACT)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(UUID contactId) {
        return jdbc.sql("select " + COLUMNS + " from contact where id = ? and removed_at is null")
                .param(contactId)
                .query(CONTACT)
                .optional();
    }

    static String arrayLiteral(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "{}";
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        Array languages = rs.getArray("languages");
        return new Contact(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("outlet"),
                rs.getString("language"),
                languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()),
                rs.getString("role"),
                rs.getString("country"),
                rs.getString("beat"),
                rs.getString("type"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getString("source"),
                rs.getString("consent_basis"),
                rs.getBoolean("accredited"));
    }
}
