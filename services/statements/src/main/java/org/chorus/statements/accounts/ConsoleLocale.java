package org.chorus.statements.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** The console speaks the coordinator's language once logged in, the browser's before. */
@Component("localeResolver")
class ConsoleLocale implements LocaleResolver {
    static final List<Locale> SUPPORTED = List.of("en", "fr", "es", "ar", "zh", "ru").stream()
            .map(Locale::forLanguageTag)
            .toList();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentCoordinator coordinator) {
            return Locale.forLanguageTag(coordinator.language());
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
        throw new UnsupportedOperationException("the console language is the coordinator's");
    }
}
