package org.chorus.tracking.publiccounter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
    record Labels(String signatures, String target, String countries) {}

    static final Map<String, Labels> LABELS = Map.of(
            "en", new Labels("signatures", "Target", "By country"),
            "fr", new Labels("signatures", "Objectif", "Par pays"),
            "es", new Labels("firmas", "Objetivo", "Por país"),
            "ru", new Labels("подписей", "Цель", "По странам"),
            "zh", new Labels("个签名", "目标", "按国家"),
            "ar", new Labels("توقيعًا", "الهدف", "حسب البلد"));

    @GetMapping("/public/statements/{id}/counter/embed")
    ModelAndView embed(@PathVariable String id, HttpServletResponse response) {
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
        String language = LABELS.containsKey(found.language()) ? found.language() : "en";
        return new ModelAndView(
                "tracking/counter",
                Map.of(
                        "counter",
                        found,
                        "labels",
                        LABELS.get(language),
                        "lang",
                        found.language(),
                        "dir",
                        found.language().equals("ar") ? "rtl" : "ltr"),
                HttpStatus.OK);
    }
}
