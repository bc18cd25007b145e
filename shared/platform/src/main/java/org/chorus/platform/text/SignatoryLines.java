package org.chorus.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.events.Countries;
import org.chorus.platform.language.Languages;

/**
 * The signatory block of a statement, written and read in one place for every rendering (signatures' text and PDF
 * exports, distribution's release mail): numbered lines {@code   N. Organisation (Country), qualifier}, individuals
 * alike. Each signatory is exactly one line: names and qualifiers are shown {@link HumanText#flattened flattened}, so
 * nothing stored can add a line. Countries are named in the given language; on import they are English names, and a
 * trailing group in capitals such as (FIDH) or (V-TAG) is an acronym that belongs to the name.
 */
public final class SignatoryLines {
    public static final int MAX_NAME = 200;
    public static final int MAX_QUALIFIER = 300;

    private static final Pattern NUMBERED = Pattern.compile("^\\h*(\\d+)\\.\\h+(.*?)\\h*$");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\p{N}&.\\-]+");
    private static final Pattern QUALIFIED = Pattern.compile("^(.*\\)),\\h+(.+)$");
    private static final String FRAMEWORK = ", within the framework";

    /** How a list says that some signatories are counted but not named, per language (ICU plural rules). */
    private static final Map<String, String> NOT_NAMED = Map.of(
            "en",
            "{count, plural, one {and # signatory who asked not to be named}"
                    + " other {and # signatories who asked not to be named}}",
            "fr",
            "{count, plural, one {et # signataire qui a demandé à ne pas être nommé}"
                    + " other {et # signataires qui ont demandé à ne pas être nommés}}",
            "es",
            "{count, plural, one {y # firmante que pidió no ser nombrado}"
                    + " other {y # firmantes que pidieron no ser nombrados}}",
            "ar",
            "{count, plural, zero {ولا موقّعين طلبوا عدم ذكر أسمائهم}"
                    + " one {وموقّع واحد طلب عدم ذكر اسمه}"
                    + " two {وموقّعان طلبا عدم ذكر اسميهما}"
                    + " few {و# موقّعين طلبوا عدم ذكر أسمائهم}"
                    + " many {و# موقّعًا طلبوا عدم ذكر أسمائهم}"
                    + " other {و# موقّع طلبوا عدم ذكر أسمائهم}}",
            "zh",
            "{count, plural, other {以及 # 位要求不公开姓名的签署方}}",
            "ru",
            "{count, plural, one {и ещё # подписавший, попросивший не называть его}"
                    + " few {и ещё # подписавших, попросивших не называть их}"
                    + " many {и ещё # подписавших, попросивших не называть их}"
                    + " other {и ещё # подписавшего, попросивших не называть их}}");

    /** One signatory as listed; {@code country} is an ISO 3166 code or null, {@code qualifier} may be null. */
    public record Signatory(String name, String country, String qualifier) {}

    /**
     * One line as read on import: either an entry (name, optional country code and qualifier) or an error, in English
     * ({@code error}) and as a message code pages translate ({@code code}: {@code notNumbered}, {@code unknownGroup},
     * {@code noName}, {@code nameTooLong}, {@code qualifierTooLong}, {@code unreadableText}).
     */
    public record Line(
            int line,
            String text,
            Integer number,
            String name,
            String country,
            String qualifier,
            String error,
            String code) {
        public boolean ok() {
            return error == null;
        }
    }

    /** The numbered lines, one per signatory, country names in {@code countryLanguage}. */
    public static List<String> lines(List<Signatory> signatories, Locale countryLanguage) {
        List<String> lines = new ArrayList<>(signatories.size());
        for (int i = 0; i < signatories.size(); i++) {
            lines.add(line(i + 1, signatories.get(i), countryLanguage));
        }
        return List.copyOf(lines);
    }

    /**
     * The line that follows a list in which {@code count} signatories are counted but not named ("and 1 signatory who
     * asked not to be named"), in {@code language}; empty when every signatory is named.
     */
    public static Optional<String> notNamed(long count, String language) {
        if (count <= 0) {
            return Optional.empty();
        }
        String chosen = Languages.choose(language);
        return Optional.of(Languages.plural(NOT_NAMED.get(chosen), chosen, count));
    }

    /** One numbered line: {@code   N. Name (Country), qualifier}. */
    public static String line(int number, Signatory signatory, Locale countryLanguage) {
        return "  " + number + ". " + entry(signatory, countryLanguage);
    }

    /** One entry without its number: {@code Name (Country), qualifier}. */
    public static String entry(Signatory signatory, Locale countryLanguage) {
        StringBuilder entry = new StringBuilder(HumanText.flattened(signatory.name()));
        if (signatory.country() != null) {
            entry.append(" (")
                    .append(HumanText.flattened(Countries.name(signatory.country(), countryLanguage)))
                    .append(')');
        }
        String qualifier = HumanText.flattened(signatory.qualifier());
        if (qualifier != null && !qualifier.isEmpty()) {
            entry.append(", ").append(qualifier);
        }
        return entry.toString();
    }

    /**
     * Reads a printed block: every non-blank line (whatever ends it: LF, CRLF, CR, U+2028...) is an entry or comes
     * back with an error saying why. Each line goes through {@link HumanText} like any other input.
     */
    public static List<Line> parse(String block) {
        List<Line> lines = new ArrayList<>();
        List<String> raw = splitLines(block);
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            String clean;
            try {
                clean = HumanText.singleLine("line", text.replace('\t', ' '), Integer.MAX_VALUE);
            } catch (RefusedText refused) {
                lines.add(error(i + 1, HumanText.flattened(text), refused.problem(), "unreadableText"));
                continue;
            }
            clean = clean.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
            if (clean.isEmpty()) {
                continue;
            }
            lines.add(parseLine(i + 1, clean));
        }
        return lines;
    }

    private static List<String> splitLines(String block) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (HumanText.isLineBreak(c)) {
                lines.add(block.substring(start, i));
                if (c == '\r' && i + 1 < block.length() && block.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < block.length()) {
            lines.add(block.substring(start));
        }
        return lines;
    }

    private static Line parseLine(int lineNumber, String text) {
        Matcher numbered = NUMBERED.matcher(text);
        if (!numbered.matches()) {
            return error(
                    lineNumber,
                    text,
                    "not a numbered entry like \"1. Organisation (Country), qualifier\"",
                    "notNumbered");
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
        int open = trailingGroup(entry);
        if (open >= 0) {
            String inside = entry.substring(open + 1, entry.length() - 1).strip();
            var code = Countries.codeForEnglishName(inside);
            if (code.isPresent()) {
                country = code.get();
                entry = entry.substring(0, open);
            } else if (!ACRONYM.matcher(inside).matches()) {
                return new Line(
                        lineNumber,
                        text,
                        number,
                        null,
                        null,
                        qualifier,
                        "\"" + inside + "\" is neither a country's English name nor an acronym",
                        "unknownGroup");
            }
        }
        String name = entry.strip();
        if (name.isEmpty()) {
            return error(lineNumber, text, "no organisation name", "noName");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            return error(lineNumber, text, "the name is longer than " + MAX_NAME + " characters", "nameTooLong");
        }
        if (qualifier != null && qualifier.codePointCount(0, qualifier.length()) > MAX_QUALIFIER) {
            return error(
                    lineNumber,
                    text,
                    "the qualifier is longer than " + MAX_QUALIFIER + " characters",
                    "qualifierTooLong");
        }
        return new Line(lineNumber, text, number, name, country, qualifier, null, null);
    }

    /**
     * Where the parenthesised group that ends the entry opens, nested groups included (Cocos (Keeling) Islands), or
     * -1 when the entry does not end with one.
     */
    private static int trailingGroup(String entry) {
        if (!entry.endsWith(")")) {
            return -1;
        }
        int depth = 0;
        for (int i = entry.length() - 1; i >= 0; i--) {
            char c = entry.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i + 1 < entry.length() - 1 ? i : -1;
            }
        }
        return -1;
    }

    private static Line error(int lineNumber, String text, String why, String code) {
        return new Line(lineNumber, text, null, null, null, null, why, code);
    }

    private SignatoryLines() {}
}
