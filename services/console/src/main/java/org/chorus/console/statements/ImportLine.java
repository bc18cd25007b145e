package org.chorus.console.statements;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * One line of a pasted signatory list as the import preview shows it: the entry with its country named in the page's
 * language (or none recognised), or why it will be refused, translated from the line's message code.
 */
record ImportLine(
        int line, String text, Integer number, String name, String country, String qualifier, String refusal) {

    public boolean ok() {
        return refusal == null;
    }

    static ImportLine of(Map<?, ?> line, Locale page, MessageSource messages) {
        String refusal = null;
        if (line.get("error") != null) {
            String code = line.get("code") instanceof String known ? known : "unreadableText";
            refusal = messages.getMessage(
                    "import.refused." + code,
                    null,
                    messages.getMessage("import.refused.unreadableText", null, page),
                    page);
        }
        String country = line.get("country") instanceof String code && !code.isBlank()
                ? new Locale("", code).getDisplayCountry(page)
                : null;
        return new ImportLine(
                ((Number) line.get("line")).intValue(),
                (String) line.get("text"),
                line.get("number") instanceof Number number ? number.intValue() : null,
                (String) line.get("name"),
                country,
                (String) line.get("qualifier"),
                refusal);
    }
}
