package org.chorus.statements.drafting;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A statement pasted as plain text, as coalitions circulate them: a title line, the body with its numbered demands,
 * and often a trailing list of signatories, which is left out (signatures are collected, not typed in).
 */
record PastedStatement(String title, String body) {
    private static final Pattern SIGNATORY_HEADING = Pattern.compile(
            "^\\s*(signatories|signed by|signatures|list of signatories)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);

    /** Empty title or body means there was nothing to draft from. */
    static PastedStatement parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int title = 0;
        while (title < lines.size() && lines.get(title).isBlank()) {
            title++;
        }
        if (title == lines.size()) {
            return new PastedStatement("", "");
        }
        int end = title + 1;
        while (end < lines.size() && !SIGNATORY_HEADING.matcher(lines.get(end)).matches()) {
            end++;
        }
        String body = String.join("\n", lines.subList(title + 1, end)).strip();
        return new PastedStatement(lines.get(title).strip(), body);
    }
}
