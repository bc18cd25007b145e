package org.chorus.signatures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chorus.signatures.statements.OpenStatement;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Public pages in the signer's language, chosen as the sign page chooses it ({@link PageLanguage#choose}): the
 * {@code lang} parameter of the request (links and hidden form fields carry it), else the statement's language.
 */
public final class Pages {

    /** A language switch entry for the page being shown. */
    public record LanguageLink(String code, String name, String href, boolean current) {}

    /** The page {@code view} about {@code statement}, with {@code lang}, {@code dir} and a language switch. */
    public static ModelAndView page(String view, OpenStatement statement, HttpStatus status) {
        HttpServletRequest request = request();
        String language = chooseFor(request, statement.language());
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("statement", statement);
        page.addObject("lang", language);
        page.addObject("dir", PageLanguage.direction(language));
        if ("GET".equals(request.getMethod())) {
            page.addObject("languages", languages(request, language));
        }
        return page;
    }

    /**
     * A short page with a title and one paragraph, the texts {@code <key>.title} and {@code <key>.text} from the
     * page bundles, in the statement's language (or English when there is no statement) unless {@code lang} asks
     * for another.
     */
    public static ModelAndView message(HttpStatus status, String key, String statementLanguage) {
        String language = chooseFor(request(), statementLanguage);
        ModelAndView page = new ModelAndView("signatures/message", status);
        page.addObject("titleKey", key + ".title");
        page.addObject("textKey", key + ".text");
        page.addObject("lang", language);
        page.addObject("dir", PageLanguage.direction(language));
        return page;
    }

    private static String chooseFor(HttpServletRequest request, String statementLanguage) {
        String language = PageLanguage.choose(request.getParameter("lang"), statementLanguage);
        PageLanguage.use(request, language);
        return language;
    }

    private static List<LanguageLink> languages(HttpServletRequest request, String current) {
        return PageLanguage.CHOICES.stream()
                .map(choice -> new LanguageLink(
                        choice.code(),
                        choice.name(),
                        UriComponentsBuilder.fromPath(request.getRequestURI())
                                .query(request.getQueryString())
                                .replaceQueryParam("lang", choice.code())
                                .build()
                                .toUriString(),
                        choice.code().equals(current)))
                .toList();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private Pages() {}
}
