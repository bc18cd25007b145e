package org.chorus.signatures.signatories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.events.Countries;

/**
 * The signatory block of a printed statement: numbered lines {@code   N. Organisation (Country), qualifier}.
 * Countries are English names; a trailing group in capitals such as (FIDH) or (V-TAG) is an acronym and belongs to
 * the name. No-break and other horizontal spaces around entries are not content.
 */
final class SignatoryBlock {
    private static final Pattern NUMBERED = Pattern.compile("^\\h*(\\d+)\\.\\h+(.*?)\\h*$");
    private static final Pattern TRAILING_GROUP = Pattern.compile("^(.*?)\\h*\\(([^()]+)\\)$");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\p{N}&.\\-]+");
    private static final Pattern QUALIFIED = Pattern.compile("^(.*\\)),\\h+(.+)$");
    private static final String FRAMEWORK = ", within the framework";

    /** One line as parsed: either an entry (name, optional country code and qualifier) or an error. */
    record Line(int line, String text, Integer number, String name, String country, String qualifier, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /** Parses every non-blank line; lines that are not entries come back with an error saying why. */
    static List<Line> parse(String block) {
        List<Line> lines = new ArrayList<>();
        List<String> raw = block.lines().toList();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            if (text.isBlank() || text.strip().equals("\u00a0")) {
                continue;
            }
            lines.add(parseLine(i + 1, text.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "")));
        }
        return lines;
    }

    private static Line parseLine(int lineNumber, String text) {
        Matcher numbered = NUMBERED.matcher(text);
        if (!numbered.matches()) {
            return error(lineNumber, text, "not a numbered entry like \"1. Organisation (Country), qualifier\"");
        }
        int number = Integer.parseInt(numbered.group(1));
        String entry = numbered.group(2);
        String qualifier = null;
        Matcher qualified = QUALIFIED.matcher(entry);
        if (qualified.matches()) {
            entry = qualified.group(1);
            qualifier = qualified.group(2);
        } else if (!entry.contains("(") && entry.contains(FRAMEWORK)) {
            int at = entry.indexOf(FRAMEWORK);
            qualifier = entry.substring(at + 2);
            entry = entry.substring(0, at);
        }
        String country = null;
        Matcher group = TRAILING_GROUP.matcher(entry);
        if (group.matches()) {
            String inside = group.group(2).strip();
            var code = Countries.codeForEnglishName(inside);
            if (code.isPresent()) {
                country = code.get();
                entry = group.group(1);
            } else if (!ACRONYM.matcher(inside).matches()) {
                return new Line(
                        lineNumber,
                        text,
                        number,
                        null,
                        null,
                        qualifier,
                        "\"" + inside + "\" is neither a country's English name nor an acronym");
            }
        }
        String name = entry.strip();
        if (name.isEmpty()) {
            return error(lineNumber, text, "no organisation name");
        }
        if (name.length() > 200) {
            return error(lineNumber, text, "the name is longer than 200 characters");
        }
        if (qualifier != null && qualifier.length() > 300) {
            return error(lineNumber, text, "the qualifier is longer than 300 characters");
        }
        return new Line(lineNumber, text, number, name, country, qualifier, null);
    }

    private static Line error(int lineNumber, String text, String why) {
        return new Line(lineNumber, text, null, null, null, null, why);
    }

    /** One entry in the printed format, numbered from 1: {@code   N. Name (Country), qualifier}. */
    static String format(int number, String name, String country, String qualifier) {
        StringBuilder line = new StringBuilder("  ").append(number).append(". ").append(name);
        if (country != null) {
            line.append(" (").append(Countries.name(country, Locale.ENGLISH)).append(')');
        }
        if (qualifier != null) {
            line.append(", ").append(qualifier);
        }
        return line.toString();
    }

    private SignatoryBlock() {}
}
