package org.chorus.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The console speaks one of the UN's six languages: the one picked with {@code ?lang=} (kept for the session), else the
 * coordinator's own (set at sign-in), else the browser's preference, else English.
 */
public class ConsoleLocale implements LocaleResolver {
    public static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "zh", "ru");
    static final String ATTRIBUTE = "chorus.console.language";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<String> asked = supported(request.getParameter("lang"));
        if (asked.isPresent()) {
            // kept for the session, the sign-in page's included: a refused sign-in answers in the language picked
            request.getSession().setAttribute(ATTRIBUTE, asked.get());
            return Locale.forLanguageTag(asked.get());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof String chosen) {
            return Locale.forLanguageTag(chosen);
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale match = Locale.lookup(
                        Locale.LanguageRange.parse(header),
                        LANGUAGES.stream().map(Locale::forLanguageTag).toList());
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header falls back to English
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.getSession().setAttribute(ATTRIBUTE, locale.getLanguage());
    }

    /** At sign-in the console takes the coordinator's own language unless one was picked on the sign-in page. */
    public static void adoptUnlessChosen(HttpServletRequest request, String language) {
        HttpSession session = request.getSession();
        if (session.getAttribute(ATTRIBUTE) == null) {
            supported(language).ifPresent(code -> session.setAttribute(ATTRIBUTE, code));
        }
    }

    /** The language asked for with {@code ?lang=}, if it is one of the six. */
    public static Optional<String> supported(String language) {
        return language != null && LANGUAGES.contains(language) ? Optional.of(language) : Optional.empty();
    }

    public static boolean rightToLeft(Locale locale) {
        return "ar".equals(locale.getLanguage());
    }
}
