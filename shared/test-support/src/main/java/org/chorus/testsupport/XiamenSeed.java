package org.chorus.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.events.Countries;

/**
 * The joint statement on the fifth anniversary of the Xiamen gathering crackdown (seed 002), split into its title,
 * its text up to the four demands, and its 34 signatories.
 */
public record XiamenSeed(String title, String body, List<String> signatoryBlock, List<Signatory> signatories) {
    private static final String TITLE_START = "Joint civil society statement on the fifth anniversary";
    private static final Pattern NUMBERED = Pattern.compile("^\\h*\\d+\\.\\h+(.*?)\\h*$");
    private static final Pattern TRAILING_GROUP = Pattern.compile("^(.*) \\(([^()]+)\\)$");
    private static final String QUALIFIER_START = ", within the framework";

    /** One line of the signatory block, as the sign-on form would receive it. */
    public record Signatory(String name, String countryCode, String qualifier) {}

    public static XiamenSeed load() {
        try (InputStream in = XiamenSeed.class.getResourceAsStream("/seeds/xiamen-statement.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the seed's signatory block end in spaces, some of them no-break spaces; those are not content. */
    static XiamenSeed parse(String text) {
        List<String> lines = text.lines().toList();
        int title = indexOf(lines, TITLE_START, 0);
        int bodyStart = indexOf(lines, "On the fifth anniversary", title);
        int signatoriesHeading = indexOf(lines, "Signatories:", bodyStart);
        String body =
                String.join("\n", lines.subList(bodyStart, signatoriesHeading)).strip();
        List<String> block = new ArrayList<>();
        List<Signatory> signatories = new ArrayList<>();
        for (String line : lines.subList(signatoriesHeading + 1, lines.size())) {
            Matcher numbered = NUMBERED.matcher(line);
            if (numbered.matches()) {
                block.add(line.replaceAll("\\h+$", ""));
                signatories.add(signatory(numbered.group(1)));
            } else if (!block.isEmpty() && !line.isBlank()) {
                break;
            }
        }
        return new XiamenSeed(lines.get(title).strip(), body, List.copyOf(block), List.copyOf(signatories));
    }

    private static Signatory signatory(String entry) {
        String qualifier = null;
        int qualifierAt = entry.indexOf(QUALIFIER_START);
        if (qualifierAt >= 0) {
            qualifier = entry.substring(qualifierAt + 2);
            entry = entry.substring(0, qualifierAt);
        }
        Matcher group = TRAILING_GROUP.matcher(entry);
        if (group.matches()) {
            var country = Countries.codeForEnglishName(group.group(2));
            if (country.isPresent()) {
                return new Signatory(group.group(1), country.get(), qualifier);
            }
        }
        return new Signatory(entry, null, qualifier);
    }

    private static int indexOf(List<String> lines, String start, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        throw new IllegalStateException("seed has no line starting with " + start);
    }
}
