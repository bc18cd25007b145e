package org.chorus.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.chorus.platform.language.Languages;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Pages of a service without accounts speak one of the UN's six languages: {@code ?lang=} if given, else the browser's
 * preference (Accept-Language), else English.
 */
public class RequestLanguage implements LocaleResolver {
    public static final List<Locale> SUPPORTED =
            Languages.CODES.stream().map(Locale::forLanguageTag).toList();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var asked = Languages.supported(request.getParameter("lang"));
        if (asked.isPresent()) {
            return Locale.forLanguageTag(asked.get());
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
        throw new UnsupportedOperationException("the language comes from the request");
    }
}
