package org.chorus.distribution.contacts;

import java.util.List;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved segments of a list (by country, language, type, tag), usable as a release's audience. */
@Service
public class Segments {
    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final AddressKey key;

    Segments(JdbcClient jdbc, Contacts contacts, AddressKey key) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.key = key;
    }

    record Segment(
            UUID id,
            UUID listId,
            String name,
            List<String> countries,
            List<String> languages,
            List<String> types,
            List<String> tags) {

        /** The name and tags a coordinator entered, through the platform's HumanText. */
        Segment normalised() {
            return new Segment(
                    id,
                    listId,
                    HumanText.singleLine("name", name, 200),
                    countries,
                    languages,
                    types,
                    tags.stream()
                            .map(tag -> HumanText.singleLine("tags", tag, 50))
                            .toList());
        }
    }

    @Transactional
    Segment create(Segment segment) {
        segment = segment.normalised();
        contacts.lockList(segment.listId());
        jdbc.sql("""
                        insert into segment (id, list_id, name, countries, languages, types, tags)
                        values (?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[])""")
                .params(
                        segment.id(),
                        segment.listId(),
                        segment.name(),
                        Contacts.arrayLiteral(segment.countries()),
                        Contacts.arrayLiteral(segment.languages()),
                        Contacts.arrayLiteral(segment.types()),
                        Contacts.arrayLiteral(segment.tags()))
                .update();
        return segment;
    }

    /** The saved segments of a list, in the order they were made. */
    @Transactional(readOnly = true)
    List<Segment> ofList(UUID listId) {
        return jdbc.sql("select id, list_id, name, countries, languages, types, tags from segment where list_id = ?"
                        + " order by created_at, id")
                .param(listId)
                .query((rs, row) -> new Segment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("list_id", UUID.class),
                        rs.getString("name"),
                        strings(rs.getArray("countries")),
                        strings(rs.getArray("languages")),
                        strings(rs.getArray("types")),
                        strings(rs.getArray("tags"))))
                .list();
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : java.util.Arrays.asList((String[]) array.getArray());
    }

    /** The mailable contacts of the segment, which must belong to the list. */
    @Transactional(readOnly = true)
    public List<Contacts.Contact> mailable(UUID listId, UUID segmentId) {
        Integer found = jdbc.sql("select count(*) from segment where id = ? and list_id = ?")
                .params(segmentId, listId)
                .query(Integer.class)
                .single();
        if (found == 0) {
            throw Problems.notFound("No segment " + segmentId + " of contact list " + listId + ".");
        }
        return jdbc.sql("select " + prefixed() + """
                         from contact c join segment s on s.id = ?
                        where c.list_id = ? and c.removed_at is null and c.unsubscribed_at is null
                          and not address_suppressed(c.email, ?, ?)
                          and (cardinality(s.countries) = 0 or c.country = any(s.countries))
                          and (cardinality(s.languages) = 0 or c.languages && s.languages)
                          and (cardinality(s.types) = 0 or c.type = any(s.types))
                          and (cardinality(s.tags) = 0 or c.tags && s.tags)
                        order by c.created_at, c.id""")
                .params(segmentId, listId, key.innerPad(), key.outerPad())
                .query(Contacts.CONTACT)
                .list();
    }

    private static String prefixed() {
        return String.join(
                ", ",
                List.of(Contacts.COLUMNS.split(",")).stream()
                        .map(column -> "c." + column.strip())
                        .toList());
    }
}
