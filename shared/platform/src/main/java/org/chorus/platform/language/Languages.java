package org.chorus.platform.language;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.Collator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that knows Chorus's languages, the UN's six: which ones pages and mail speak, how a person's choice
 * falls back (to the statement's language, then English), which way they are written, and how dates, counts and
 * lists are written for a reader of each. Every service's pages and mails go through here.
 */
public final class Languages {
    /** The language codes of every page and mail, English first. */
    public static final List<String> CODES = List.of("en", "fr", "es", "ar", "zh", "ru");

    public static final String FALLBACK = "en";

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A language switch entry: the code and the language's own name for itself. */
    public record Choice(String code, String name) {}

    public static final List<Choice> CHOICES = List.of(
            new Choice("en", "English"),
            new Choice("fr", "Français"),
            new Choice("es", "Español"),
            new Choice("ar", "العربية"),
            new Choice("zh", "中文"),
            new Choice("ru", "Русский"));

    /**
     * The supported language a tag names: {@code fr}, {@code FR}, {@code fr-CH} and {@code fr_CH} are French; empty
     * for a language Chorus does not speak, a malformed tag or null.
     */
    public static Optional<String> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return CODES.contains(language) ? Optional.of(language) : Optional.empty();
    }

    /**
     * The first of the candidates Chorus speaks (the person's choice first, then the statement's language), else
     * English.
     */
    public static String choose(String... candidates) {
        for (String candidate : candidates) {
            Optional<String> language = supported(candidate);
            if (language.isPresent()) {
                return language.get();
            }
        }
        return FALLBACK;
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(choose(language));
    }

    /** {@code rtl} for Arabic, {@code ltr} for the others. */
    public static String direction(String language) {
        return "ar".equals(choose(language)) ? "rtl" : "ltr";
    }

    /** An IANA time zone such as Europe/Zurich; UTC when there is none or it is unknown. */
    public static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }

    /**
     * A moment as a person reads it: the date with the month's name and the time to the minute in {@code timeZone},
     * with the zone, in {@code language} ("2 janvier 2027 à 09:07 UTC+1", "January 2, 2027 at 9:07 AM GMT+1").
     */
    public static String dateTime(Instant moment, String language, String timeZone) {
        return format("yMMMMdjmmz", moment, language, timeZone);
    }

    /**
     * Moments written for one reader, for templates: {@code ${moments.dateTime(schedule.deadline())}} rather than the
     * raw instant.
     */
    public record Moments(String language, String timeZone) {
        public String dateTime(Instant moment) {
            return Languages.dateTime(moment, language, timeZone);
        }

        public String date(Instant moment) {
            return Languages.date(moment, language, timeZone);
        }
    }

    /** The date alone ("2 janvier 2027"), as it falls in {@code timeZone}. */
    public static String date(Instant moment, String language, String timeZone) {
        return format("yMMMMd", moment, language, timeZone);
    }

    private static String format(String skeleton, Instant moment, String language, String timeZone) {
        if (moment == null) {
            return "";
        }
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLanguageTag(choose(language)));
        format.setTimeZone(TimeZone.getTimeZone(zone(timeZone).getId()));
        return format.format(Date.from(moment));
    }

    /**
     * An ICU MessageFormat pattern with a {@code count} argument, such as {@code {count, plural, one {# signatory}
     * other {# signatories}}}, formatted with the plural rules of {@code language} (Arabic's six forms, Russian's
     * three and so on).
     */
    public static String plural(String pattern, String language, long count) {
        return new MessageFormat(pattern, ULocale.forLanguageTag(choose(language))).format(Map.of("count", count));
    }

    /** Orders texts as a reader of {@code language} expects them in a list ("Égypte" between "Danemark" and "Fidji"). */
    public static Comparator<String> collator(String language) {
        Collator collator = Collator.getInstance(locale(language));
        return collator::compare;
    }

    /** Orders items by a text of theirs with the collator of {@code language}. */
    public static <T> Comparator<T> collated(String language, Function<T, String> text) {
        return Comparator.comparing(text, collator(language));
    }

    private Languages() {}
}
