package org.chorus.signatures.invitations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.chorus.events.Countries;
import org.chorus.platform.text.Csv;
import org.chorus.platform.text.EmailAddresses;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.text.RefusedText;

/**
 * A wave of invitations from a CSV file (columns {@code organisation}, {@code email}, optional {@code country} and
 * {@code language}; the first line names them): every row checked before anything is sent, each problem named by row,
 * column and a message {@code code} that pages translate. A file with any bad row sends nothing.
 */
final class InvitationImports {
    static final List<String> COLUMNS = List.of("organisation", "email", "country", "language");
    static final int MAX_ROWS = 1000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** {@code code}: empty, tooManyRows, unknownColumn, columnTwice, missingColumn, blank, tooLong, text, email, emailDomain, sameEmail, country, language. */
    record RowError(int row, String field, String code, String message) {}

    record Report(int rows, int valid, List<RowError> errors, List<Invitations.NewInvitation> invitations) {}

    static Report check(String csv) {
        List<List<String>> table = Csv.parse(csv == null ? "" : csv).stream()
                .filter(row -> row.stream().anyMatch(cell -> !cell.isBlank()))
                .toList();
        List<RowError> errors = new ArrayList<>();
        List<Invitations.NewInvitation> valid = new ArrayList<>();
        if (table.isEmpty()) {
            errors.add(new RowError(1, null, "empty", "the file is empty: the first line must name the columns"));
            return new Report(0, 0, errors, valid);
        }
        int rows = table.size() - 1;
        if (rows > MAX_ROWS) {
            errors.add(new RowError(1, null, "tooManyRows", "more than " + MAX_ROWS + " rows: split the file"));
            return new Report(rows, 0, errors, valid);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
            if (!COLUMNS.contains(name)) {
                errors.add(new RowError(1, name, "unknownColumn", "unknown column; the columns are " + COLUMNS));
            } else if (column.putIfAbsent(name, i) != null) {
                errors.add(new RowError(1, name, "columnTwice", "column named twice"));
            }
        }
        for (String required : List.of("organisation", "email")) {
            if (!column.containsKey(required)) {
                errors.add(new RowError(1, required, "missingColumn", "required column missing"));
            }
        }
        if (!errors.isEmpty()) {
            return new Report(rows, 0, errors, valid);
        }
        Map<String, Integer> addresses = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            int row = r + 1;
            List<String> cells = table.get(r);
            int before = errors.size();
            String organisation = text(row, "organisation", cell(cells, column.get("organisation")), 200, errors);
            if (organisation != null && organisation.isEmpty()) {
                errors.add(new RowError(row, "organisation", "blank", "must not be blank"));
            }
            String email = text(row, "email", cell(cells, column.get("email")), 254, errors);
            if (email == null) {
                // refused as text, named above
            } else if (email.isEmpty()) {
                errors.add(new RowError(row, "email", "blank", "must not be blank"));
            } else if (EmailAddresses.check(email) == EmailAddresses.Verdict.NOT_A_DOMAIN_NAME) {
                errors.add(new RowError(
                        row,
                        "email",
                        "emailDomain",
                        "not at a domain name (an IP address or a name such as localhost)"));
            } else if (!EmailAddresses.acceptable(email)) {
                errors.add(new RowError(row, "email", "email", "not an e-mail address"));
            } else {
                Integer first = addresses.putIfAbsent(email.toLowerCase(Locale.ROOT), row);
                if (first != null) {
                    errors.add(new RowError(row, "email", "sameEmail", "same address as row " + first));
                }
            }
            String country = cell(cells, column.get("country")).strip().toUpperCase(Locale.ROOT);
            if (!country.isEmpty() && !Countries.isKnown(country)) {
                errors.add(new RowError(row, "country", "country", "not an ISO 3166-1 alpha-2 code such as NL"));
            }
            String language = cell(cells, column.get("language")).strip().toLowerCase(Locale.ROOT);
            if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
                errors.add(new RowError(row, "language", "language", "not a language code such as en, fr or ar"));
            }
            if (errors.size() == before) {
                valid.add(new Invitations.NewInvitation(
                        organisation, country.isEmpty() ? null : country, email, language.isEmpty() ? null : language));
            }
        }
        return new Report(rows, valid.size(), errors, valid);
    }

    private static String text(int row, String field, String value, int max, List<RowError> errors) {
        try {
            return HumanText.singleLine(field, value, max);
        } catch (RefusedText refused) {
            boolean tooLong = refused.reason() == RefusedText.Reason.TOO_LONG;
            errors.add(new RowError(
                    row,
                    field,
                    tooLong ? "tooLong" : "text",
                    tooLong ? "at most " + max + " characters" : "not one line of text"));
            return null;
        }
    }

    private static String cell(List<String> cells, Integer index) {
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    private InvitationImports() {}
}
