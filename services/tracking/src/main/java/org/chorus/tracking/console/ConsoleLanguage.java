package org.chorus.tracking.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The console speaks the browser's language among the UN's six (Arabic right to left), English otherwise. Tracking
 * holds no accounts, so the coordinator's own choice is not known here; {@code ?lang=xx} overrides the browser.
 */
@Component("localeResolver")
class ConsoleLanguage implements LocaleResolver {
    static final List<Locale> SUPPORTED = List.of("en", "fr", "es", "ar", "zh", "ru").stream()
            .map(Locale::forLanguageTag)
            .toList();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(asked)) {
                    return supported;
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
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
        throw new UnsupportedOperationException("the console follows the browser's language");
    }
}
