package org.chorus.console.web;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Countries by name in the console's language (the services send ISO 3166-1 codes), for pages: {@code countryNames}. */
public record CountryNames(Locale locale) {

    /** "Kenya" for {@code KE}; "—" for none; the code itself when no name is known. */
    public static String of(String code, Locale locale) {
        if (code == null || code.isBlank() || code.equals("none")) {
            return "—";
        }
        String name = new Locale("", code.strip().toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    public String name(Object code) {
        return of(code instanceof String text ? text : null, locale);
    }

    /** Several codes by name, in the order given, joined by commas. */
    public String names(Collection<?> codes) {
        return codes == null ? "" : codes.stream().map(this::name).collect(Collectors.joining(", "));
    }
}
