package org.chorus.statements.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A statement pasted as plain text, as coalitions circulate them: a title line, the body with its numbered demands,
 * and often a trailing list of signatories under a heading such as "Signatories:". The list is kept apart
 * ({@code signatories}, the block as pasted, to be previewed and imported at signatures); {@code leftOut} counts the
 * non-blank lines after the list (links, the next post of a blog), which belong to neither.
 */
record PastedStatement(String title, String body, String signatories, int leftOut) {
    private static final Pattern SIGNATORY_HEADING = Pattern.compile(
            "^\\s*(signatories|signed by|signatures|list of signatories)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED = Pattern.compile("^[\\h\\s]*\\d+\\.\\h+.*");

    /** Empty title or body means there was nothing to draft from. */
    static PastedStatement parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int title = 0;
        while (title < lines.size() && lines.get(title).isBlank()) {
            title++;
        }
        if (title == lines.size()) {
            return new PastedStatement("", "", "", 0);
        }
        int end = title + 1;
        while (end < lines.size() && !SIGNATORY_HEADING.matcher(lines.get(end)).matches()) {
            end++;
        }
        String body = String.join("\n", lines.subList(title + 1, end)).strip();
        // The list: the first paragraph under the heading, and each next one that starts with a numbered entry.
        List<String> block = new ArrayList<>();
        int at = end + 1;
        boolean afterBlank = true;
        while (at < lines.size()) {
            String line = lines.get(at);
            if (line.isBlank()) {
                afterBlank = true;
            } else if (afterBlank && !block.isEmpty() && !NUMBERED.matcher(line).matches()) {
                break;
            } else {
                block.add(line);
                afterBlank = false;
            }
            at++;
        }
        int leftOut = (int) lines.subList(Math.min(at, lines.size()), lines.size()).stream()
                .filter(line -> !line.isBlank())
                .count();
        return new PastedStatement(lines.get(title).strip(), body, String.join("\n", block), leftOut);
    }
}
