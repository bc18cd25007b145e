package org.chorus.signatures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a public page: the one the signer picked with the language switch ({@code ?lang=fr}), else the
 * statement's. Pages carry {@code lang} and {@code dir} (right to left for Arabic). No cookie, no session.
 */
@Configuration(proxyBeanMethods = false)
public class PageLanguage {
    /** Languages with message bundles for the page texts (the UN's six). */
    public static final List<String> SUPPORTED = List.of("en", "fr", "es", "ar", "zh", "ru");

    private static final String ATTRIBUTE = PageLanguage.class.getName() + ".locale";

    /** A switch entry: the language code and its own name for itself. */
    public record Choice(String code, String name) {}

    public static final List<Choice> CHOICES = List.of(
            new Choice("en", "English"),
            new Choice("fr", "Français"),
            new Choice("es", "Español"),
            new Choice("ar", "العربية"),
            new Choice("zh", "中文"),
            new Choice("ru", "Русский"));

    /** The requested language if supported, else the statement's (if supported), else English. */
    public static String choose(String requested, String statementLanguage) {
        if (requested != null && SUPPORTED.contains(requested)) {
            return requested;
        }
        String own = statementLanguage == null
                ? "en"
                : Locale.forLanguageTag(statementLanguage).getLanguage();
        return SUPPORTED.contains(own) ? own : "en";
    }

    /** Renders this request's page texts in {@code language}. */
    public static void use(HttpServletRequest request, String language) {
        request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(language));
    }

    public static String direction(String language) {
        return "ar".equals(language) ? "rtl" : "ltr";
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Object chosen = request.getAttribute(ATTRIBUTE);
                return chosen instanceof Locale locale ? locale : Locale.ENGLISH;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.setAttribute(ATTRIBUTE, locale);
            }
        };
    }
}
