package org.chorus.console.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A CSV file's validation report (contacts, invitations) as the console shows it: each problem in the coordinator's
 * language, with its row, its column and what is wrong. Kept in a flash attribute, hence serializable.
 */
public record ImportReport(long rows, long valid, List<RowProblem> errors) implements Serializable {

    public record RowProblem(Object row, String field, String problem) implements Serializable {}

    /** The report a service answered ({@code rows}, {@code valid}, {@code errors} with row, field, code, message). */
    public static ImportReport of(Map<?, ?> answer, MessageSource messages) {
        Locale page = LocaleContextHolder.getLocale();
        List<RowProblem> errors = new ArrayList<>();
        for (Object entry : (List<?>) answer.get("errors")) {
            Map<?, ?> error = (Map<?, ?>) entry;
            String field = error.get("field") instanceof String named ? named : "";
            errors.add(new RowProblem(
                    error.get("row"),
                    field.isEmpty() ? "" : messages.getMessage("field." + field, null, field, page),
                    messages.getMessage(
                            "importError." + error.get("code"), null, String.valueOf(error.get("message")), page)));
        }
        return new ImportReport(number(answer.get("rows")), number(answer.get("valid")), errors);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
