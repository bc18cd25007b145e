package org.chorus.distribution.signatories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chorus.events.Countries;

/** The numbered signatory lines of a release, country names in the statement's language. */
public final class SignatoryBlock {

    public record Signatory(String name, String country, String qualifier) {}

    public static List<String> lines(List<Signatory> signatories, String statementLanguage) {
        Locale language = Locale.forLanguageTag(statementLanguage);
        List<String> lines = new ArrayList<>(signatories.size());
        for (int i = 0; i < signatories.size(); i++) {
            lines.add("  " + (i + 1) + ". " + entry(signatories.get(i), language));
        }
        return List.copyOf(lines);
    }

    private static String entry(Signatory signatory, Locale language) {
        return signatory.name()
                + (signatory.country() == null ? "" : " (" + Countries.name(signatory.country(), language) + ")")
                + (signatory.qualifier() == null ? "" : ", " + signatory.qualifier());
    }

    private SignatoryBlock() {}
}
