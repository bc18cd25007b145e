package org.chorus.statements.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A statement pasted as plain text, as coalitions circulate them: a title line, the body with its numbered demands,
 * and often a trailing list of signatories under a heading such as "Signatories:". The list is kept apart
 * ({@code signatories}, the block as pasted, to be previewed and imported at signatures); {@code leftOut} counts the
 * non-blank lines after the list (links, the next post of a blog), which belong to neither. Lines a web page puts
 * above the heading, copied along with it ("Posts Tagged ‘…’", "Archive for …", "Category: …", "Skip to content"), are
 * not the title: the title is the first line after them.
 */
record PastedStatement(String title, String body, String signatories, int leftOut) {
    private static final Pattern SIGNATORY_HEADING = Pattern.compile(
            "^\\s*(signatories|signed by|signatures|list of signatories)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED = Pattern.compile("^[\\h\\s]*\\d+\\.\\h+.*");
    /** A caption ("Posts Tagged ‘…’", "Archive for …"), a label ("Category: News") or a lone menu word. */
    private static final Pattern WEB_CLIP = Pattern.compile(
            "^[\\h\\s]*(?:(?:posts?\\h+tagged|archives?\\h+for|filed\\h+under|posted\\h+in|you\\h+are\\h+here)\\b.*"
                    + "|(?:tags?|tagged|categor(?:y|ies)|archives?)\\h*:.*"
                    + "|home|menu|search|share|print|skip\\h+to(?:\\h+main)?\\h+content)[\\h\\s]*$",
            Pattern.CASE_INSENSITIVE);

    /** Empty title or body means there was nothing to draft from. */
    static PastedStatement parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int title = 0;
        while (title < lines.size() && (lines.get(title).isBlank() || webClip(lines, title))) {
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

    /** A page's line above the heading (a tag or archive caption, a menu), when a real line follows it. */
    private static boolean webClip(List<String> lines, int at) {
        if (!WEB_CLIP.matcher(lines.get(at)).matches() || lines.get(at).strip().length() > 120) {
            return false;
        }
        return lines.subList(at + 1, lines.size()).stream().anyMatch(line -> !line.isBlank());
    }
}
