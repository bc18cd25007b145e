package org.chorus.tracking.publiccounter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Countries;
import org.chorus.platform.language.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The counter as a tiny page to embed in a statement page ({@code <iframe src=".../counter/embed">}), in the
 * statement's language. Unlike every other page it may be framed, by anyone; it still loads nothing from elsewhere.
 */
@Controller
class CounterPage {
    private final PublicCounter counter;

    CounterPage(PublicCounter counter) {
        this.counter = counter;
    }

    /** Words of the counter in the UN's six languages. */
    record Labels(String signatures, String target, String countries, String countryNotGiven) {}

    static final Map<String, Labels> LABELS = Map.of(
            "en", new Labels("signatures", "Target", "By country", "Country not given"),
            "fr", new Labels("signatures", "Objectif", "Par pays", "Pays non indiqué"),
            "es", new Labels("firmas", "Objetivo", "Por país", "País no indicado"),
            "ru", new Labels("подписей", "Цель", "По странам", "Страна не указана"),
            "zh", new Labels("个签名", "目标", "按国家", "未注明国家"),
            "ar", new Labels("توقيعًا", "الهدف", "حسب البلد", "البلد غير مذكور"));

    /** One line of the list by country: the country's name in the page's language, and how many signed from it. */
    record CountryLine(String name, long count) {}

    /**
     * Every country by its name in {@code language}, in the order its readers expect, then the signatures that gave
     * no country ("Country not given"), so that the lines add up to the total.
     */
    static List<CountryLine> countryLines(Map<String, Long> countries, String language, Labels labels) {
        Locale locale = Languages.locale(language);
        List<CountryLine> lines = new ArrayList<>();
        long notGiven = 0;
        for (Map.Entry<String, Long> entry : countries.entrySet()) {
            if (Countries.isKnown(entry.getKey())) {
                lines.add(new CountryLine(Countries.name(entry.getKey(), locale), entry.getValue()));
            } else {
                notGiven += entry.getValue();
            }
        }
        lines.sort(Languages.collated(language, CountryLine::name));
        if (notGiven > 0) {
            lines.add(new CountryLine(labels.countryNotGiven(), notGiven));
        }
        return lines;
    }

    /** In the statement's language, or the one asked for with {@code ?lang=}. */
    @GetMapping("/public/statements/{id}/counter/embed")
    ModelAndView embed(
            @PathVariable String id, @RequestParam(required = false) String lang, HttpServletResponse response) {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "form-action 'self'; frame-ancestors *; base-uri 'none'");
        UUID statementId;
        try {
            statementId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return new ModelAndView(
                    "tracking/message", Map.of("message", "This is not a statement address."), HttpStatus.BAD_REQUEST);
        }
        PublicCounter.Counter found;
        try {
            found = counter.of(statementId);
        } catch (ErrorResponseException e) {
            return new ModelAndView(
                    "tracking/message",
                    Map.of("message", "No such statement is collecting signatures."),
                    HttpStatus.NOT_FOUND);
        }
        String language = Languages.choose(lang, found.language());
        Labels labels = LABELS.get(language);
        return new ModelAndView(
                "tracking/counter",
                Map.of(
                        "counter",
                        found,
                        "labels",
                        labels,
                        "countries",
                        found.countries() == null ? List.of() : countryLines(found.countries(), language, labels),
                        "lang",
                        language,
                        "dir",
                        Languages.direction(language)),
                HttpStatus.OK);
    }
}
