package org.chorus.signatures.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.chorus.platform.language.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a public page: the one the signer picked with the language switch ({@code ?lang=fr}), else the
 * statement's. Pages carry {@code lang} and {@code dir} (right to left for Arabic). No cookie, no session.
 */
@Configuration(proxyBeanMethods = false)
public class PageLanguage {
    /** Languages with message bundles for the page texts (the UN's six, from the platform's one list). */
    public static final List<String> SUPPORTED = Languages.CODES;

    private static final String ATTRIBUTE = PageLanguage.class.getName() + ".locale";

    public static final List<Languages.Choice> CHOICES = Languages.CHOICES;

    /** The requested language if supported, else the statement's (if supported), else English. */
    public static String choose(String requested, String statementLanguage) {
        return Languages.choose(requested, statementLanguage);
    }

    /** Renders this request's page texts in {@code language}. */
    public static void use(HttpServletRequest request, String language) {
        request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(language));
    }

    public static String direction(String language) {
        return Languages.direction(language);
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
