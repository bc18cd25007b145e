package org.chorus.events;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** ISO 3166-1 alpha-2 country codes, as events carry them, and their names in a reader's language. */
public final class Countries {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> CODE_BY_ENGLISH_NAME = CODES.stream()
            .collect(Collectors.toUnmodifiableMap(code -> name(code, Locale.ENGLISH), Function.identity()));

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    public static String name(String code, Locale language) {
        return new Locale("", code).getDisplayCountry(language);
    }

    public static Optional<String> codeForEnglishName(String name) {
        return Optional.ofNullable(CODE_BY_ENGLISH_NAME.get(name));
    }

    /** All codes, ordered by their name in {@code language} as its readers order a list (Égypte before Fidji). */
    public static List<String> sortedBy(Locale language) {
        Collator collator = Collator.getInstance(language);
        return CODES.stream()
                .sorted(Comparator.comparing(code -> name(code, language), collator))
                .toList();
    }

    private Countries() {}
}
