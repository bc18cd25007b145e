package org.chorus.distribution.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.chorus.platform.text.Csv;
import org.chorus.platform.text.EmailAddresses;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.text.RefusedText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * CSV import with a validation report before anything is stored, and CSV export. The {@code language} column holds one
 * ISO 639-1 code or several separated by ';' in order of preference. A file with any bad row is refused
 * whole, naming each bad row and field; nothing is stored.
 */
@Service
class ContactImports {
    static final List<String> COLUMNS = List.of(
            "name",
            "email",
            "outlet",
            "role",
            "country",
            "language",
            "beat",
            "type",
            "tags",
            "source",
            "consent_basis",
            "accredited");
    private static final int MAX_ROWS = 10_000;

    private final Contacts contacts;
    private final JdbcClient jdbc;

    ContactImports(Contacts contacts, JdbcClient jdbc) {
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    /**
     * {@code code} names the problem for pages that translate it: empty, tooManyRows, unknownColumn, columnTwice,
     * missingColumn, text, blank, tooLong, email, emailDomain, sameEmail, alreadyOnList, language, tooManyLanguages, country,
     * type, accredited.
     */
    record RowError(int row, String field, String code, String message) {}

    record Report(int rows, int valid, int imported, boolean dryRun, List<RowError> errors) {}

    @Transactional
    Report importCsv(UUID listId, String csv, boolean dryRun) {
        contacts.lockList(listId);
        List<List<String>> table = Csv.parse(csv == null ? "" : csv);
        List<RowError> errors = new ArrayList<>();
        List<Contacts.Contact> valid = new ArrayList<>();
        if (table.isEmpty()) {
            errors.add(new RowError(1, null, "empty", "the file is empty: the first line must name the columns"));
        } else if (table.size() - 1 > MAX_ROWS) {
            errors.add(new RowError(1, null, "tooManyRows", "more than " + MAX_ROWS + " rows: split the file"));
        } else {
            validate(listId, table, errors, valid);
        }
        int rows = Math.max(0, table.size() - 1);
        if (dryRun) {
            return new Report(rows, valid.size(), 0, true, errors);
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    errors.size() + " problem(s) in the file; nothing was imported. Fix the rows named in errors.");
            problem.setTitle("Contacts not imported");
            problem.setProperty("errors", errors);
            problem.setProperty("rows", rows);
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        for (Contacts.Contact contact : valid) {
            if (!contacts.insert(listId, contact)) {
                throw org.chorus.platform.web.Problems.conflict(
                        "A contact was added to the list while importing; nothing was imported. Try again.");
            }
        }
        return new Report(rows, valid.size(), valid.size(), false, List.of());
    }

    private void validate(UUID listId, List<List<String>> table, List<RowError> errors, List<Contacts.Contact> valid) {
        List<String> header = table.get(0).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .map(name -> name.equals("languages") ? "language" : name)
                .toList();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                errors.add(
                        new RowError(1, header.get(i), "unknownColumn", "unknown column; the columns are " + COLUMNS));
            } else if (column.putIfAbsent(header.get(i), i) != null) {
                errors.add(new RowError(1, header.get(i), "columnTwice", "column named twice"));
            }
        }
        for (String required : List.of("name", "email")) {
            if (!column.containsKey(required)) {
                errors.add(new RowError(1, required, "missingColumn", "required column missing"));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        Set<String> onList =
                new HashSet<>(jdbc.sql("select lower(email) from contact where list_id = ? and email is not null")
                        .param(listId)
                        .query(String.class)
                        .list());
        Map<String, Integer> inFile = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            int rowNumber = r + 1;
            List<String> cells = table.get(r);
            Map<String, String> value = new HashMap<>();
            int before = errors.size();
            column.forEach((name, index) -> value.put(name, cell(rowNumber, name, cells, index, errors)));
            String name = value.get("name");
            String email = value.get("email");
            if (name == null) {
                errors.add(new RowError(rowNumber, "name", "blank", "must not be blank"));
            } else if (name.codePointCount(0, name.length()) > 200) {
                errors.add(new RowError(rowNumber, "name", "tooLong", "at most 200 characters"));
            }
            if (email == null) {
                errors.add(new RowError(rowNumber, "email", "blank", "must not be blank"));
            } else if (EmailAddresses.check(email) == EmailAddresses.Verdict.NOT_A_DOMAIN_NAME) {
                errors.add(new RowError(
                        rowNumber,
                        "email",
                        "emailDomain",
                        "not at a domain name (an IP address or a name such as localhost): " + email));
            } else if (!EmailAddresses.acceptable(email)) {
                errors.add(new RowError(rowNumber, "email", "email", "not an e-mail address: " + email));
            } else {
                String key = email.toLowerCase(Locale.ROOT);
                Integer first = inFile.putIfAbsent(key, rowNumber);
                if (first != null) {
                    errors.add(new RowError(rowNumber, "email", "sameEmail", "same address as row " + first));
                } else if (onList.contains(key)) {
                    errors.add(new RowError(rowNumber, "email", "alreadyOnList", "already on the list: " + email));
                }
            }
            List<String> languages = value.get("language") == null
                    ? List.of()
                    : Stream.of(value.get("language").split("[;,]"))
                            .map(code -> code.strip().toLowerCase(Locale.ROOT))
                            .filter(code -> !code.isEmpty())
                            .distinct()
                            .toList();
            for (String language : languages) {
                if (!ContactsApi.LANGUAGES.contains(language)) {
                    errors.add(new RowError(
                            rowNumber, "language", "language", "unknown language '" + language + "': use ISO 639-1"));
                }
            }
            if (languages.size() > 10) {
                errors.add(new RowError(rowNumber, "language", "tooManyLanguages", "at most 10 languages"));
            }
            String country = upper(value.get("country"));
            if (country != null && !ContactsApi.COUNTRIES.contains(country)) {
                errors.add(new RowError(
                        rowNumber, "country", "country", "unknown country '" + country + "': use ISO 3166-1 alpha-2"));
            }
            String type = upper(value.get("type"));
            if (type != null && !type.equals("PRESS") && !type.equals("POLICY")) {
                errors.add(new RowError(rowNumber, "type", "type", "must be PRESS or POLICY"));
            }
            String accredited = lower(value.get("accredited"));
            if (accredited != null && !List.of("true", "false", "yes", "no").contains(accredited)) {
                errors.add(new RowError(rowNumber, "accredited", "accredited", "must be yes or no"));
            }
            if (errors.size() == before) {
                valid.add(new Contacts.Contact(
                        UUID.randomUUID(),
                        name,
                        email,
                        value.get("outlet"),
                        languages.isEmpty() ? null : languages.get(0),
                        languages,
                        value.get("role"),
                        country,
                        value.get("beat"),
                        type,
                        value.get("tags") == null
                                ? List.of()
                                : List.of(value.get("tags").split(";")).stream()
                                        .map(String::strip)
                                        .filter(tag -> !tag.isEmpty())
                                        .toList(),
                        value.get("source"),
                        value.get("consent_basis"),
                        accredited != null && (accredited.equals("true") || accredited.equals("yes"))));
            }
        }
    }

    @Transactional(readOnly = true)
    String exportCsv(UUID listId) {
        Contacts.ContactList list = contacts.find(listId)
                .orElseThrow(() -> org.chorus.platform.web.Problems.notFound("No contact list " + listId + "."));
        StringBuilder csv = new StringBuilder(Csv.row(COLUMNS));
        for (Contacts.Contact contact : list.contacts()) {
            csv.append(Csv.row(List.of(
                    contact.name(),
                    nullToEmpty(contact.email()),
                    nullToEmpty(contact.outlet()),
                    nullToEmpty(contact.role()),
                    nullToEmpty(contact.country()),
                    String.join(";", contact.languages()),
                    nullToEmpty(contact.beat()),
                    nullToEmpty(contact.type()),
                    String.join(";", contact.tags()),
                    nullToEmpty(contact.source()),
                    nullToEmpty(contact.consentBasis()),
                    contact.accredited() ? "yes" : "no")));
        }
        return csv.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** One cell of a row through the platform's HumanText; a refused cell is a row error naming its column. */
    private static String cell(int rowNumber, String column, List<String> cells, int index, List<RowError> errors) {
        try {
            return blankToNull(HumanText.singleLine(column, index < cells.size() ? cells.get(index) : null, 1000));
        } catch (RefusedText refused) {
            errors.add(new RowError(
                    rowNumber,
                    column,
                    refused.reason() == RefusedText.Reason.TOO_LONG ? "tooLong" : "text",
                    refused.problem()));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
