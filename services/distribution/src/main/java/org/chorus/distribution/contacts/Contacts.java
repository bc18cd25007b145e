package org.chorus.distribution.contacts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Press and policy contacts, kept in named lists. */
@Service
public class Contacts {
    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Contact(UUID id, String name, String email, String outlet, String language) {}

    public record ContactList(UUID id, String name, List<Contact> contacts) {}

    @Transactional
    ContactList createList(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into contact_list (id, name) values (?, ?)")
                .params(id, name)
                .update();
        return new ContactList(id, name, List.of());
    }

    @Transactional
    Contact add(UUID listId, String name, String email, String outlet, String language) {
        jdbc.sql("select id from contact_list where id = ? for share")
                .param(listId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No contact list " + listId + "."));
        Contact contact = new Contact(UUID.randomUUID(), name, email, outlet, language);
        int inserted = jdbc.sql("""
                        insert into contact (id, list_id, name, email, outlet, language)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(contact.id(), listId, name, email, outlet, language)
                .update();
        if (inserted == 0) {
            throw Problems.conflict("The list already has a contact with the e-mail address " + email + ".");
        }
        return contact;
    }

    /** The list with its contacts in the order they were added. */
    @Transactional(readOnly = true)
    public Optional<ContactList> find(UUID listId) {
        return jdbc.sql("select name from contact_list where id = ?")
                .param(listId)
                .query(String.class)
                .optional()
                .map(name -> new ContactList(
                        listId,
                        name,
                        jdbc.sql("""
                                        select id, name, email, outlet, language from contact
                                        where list_id = ? order by created_at, id""").param(listId).query(Contact.class).list()));
    }
}
