package org.chorus.signatures.coordinator;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Countries;
import org.chorus.platform.web.ConsoleCsrf;
import org.chorus.signatures.web.PageLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The coordinator console for one statement's signatures (behind the coordinator gate like /api/**): the list of
 * signatories with their status, and the moderation queue with approve and reject buttons. Server-rendered, no
 * JavaScript, in the six languages ({@code ?lang=}, English by default). Forms are protected by {@link ConsoleCsrf}.
 */
@Controller
class ConsolePages {
    private final Signatures signatures;
    private final ConsoleCsrf csrf;

    ConsolePages(Signatures signatures, ConsoleCsrf csrf) {
        this.signatures = signatures;
        this.csrf = csrf;
    }

    /** One row of the list: the entry and its country's name in the page's language. */
    record Row(Signatures.Entry entry, String countryName) {}

    record QueueRow(Signatures.Entry entry, String countryName, List<String> duplicateNames) {}

    @GetMapping("/console/statements/{statementId}/signatures")
    ModelAndView list(@PathVariable UUID statementId, HttpServletRequest request) {
        String language = language(request);
        try {
            List<Row> rows = signatures.list(statementId).stream()
                    .map(entry -> new Row(entry, country(entry, language)))
                    .toList();
            ModelAndView page = page("signatures/console/signatures", statementId, language, request, HttpStatus.OK);
            page.addObject("rows", rows);
            page.addObject("settings", signatures.settings(statementId));
            return page;
        } catch (ErrorResponseException refused) {
            return refusal(refused, language);
        }
    }

    @GetMapping("/console/statements/{statementId}/moderation")
    ModelAndView moderation(
            @PathVariable UUID statementId, @RequestParam(required = false) String done, HttpServletRequest request) {
        return moderationPage(statementId, request, Map.of(), HttpStatus.OK, done);
    }

    @PostMapping("/console/statements/{statementId}/signatures/{signatureId}/approval")
    ModelAndView approve(
            @PathVariable UUID statementId,
            @PathVariable UUID signatureId,
            @RequestParam(required = false) String csrfToken,
            HttpServletRequest request) {
        if (!csrf.accepts(request, csrfToken)) {
            return forbidden(request);
        }
        try {
            signatures.approve(statementId, signatureId);
        } catch (ErrorResponseException refused) {
            return refusal(refused, language(request));
        }
        return backToQueue(statementId, request, "approved");
    }

    @PostMapping("/console/statements/{statementId}/signatures/{signatureId}/rejection")
    ModelAndView reject(
            @PathVariable UUID statementId,
            @PathVariable UUID signatureId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String csrfToken,
            HttpServletRequest request) {
        if (!csrf.accepts(request, csrfToken)) {
            return forbidden(request);
        }
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty() || given.length() > 500) {
            return moderationPage(
                    statementId,
                    request,
                    Map.of(signatureId.toString(), given.isEmpty() ? "console.reasonMissing" : "console.reasonLong"),
                    HttpStatus.BAD_REQUEST,
                    null);
        }
        try {
            signatures.reject(statementId, signatureId, given);
        } catch (ErrorResponseException refused) {
            return refusal(refused, language(request));
        }
        return backToQueue(statementId, request, "rejected");
    }

    private ModelAndView moderationPage(
            UUID statementId, HttpServletRequest request, Map<String, String> errors, HttpStatus status, String done) {
        String language = language(request);
        try {
            List<Signatures.Candidate> queue = signatures.moderationQueue(statementId);
            Map<UUID, String> names = new java.util.HashMap<>();
            signatures.list(statementId).forEach(entry -> names.put(entry.id(), entry.name()));
            List<QueueRow> rows = queue.stream()
                    .map(candidate -> new QueueRow(
                            candidate.signature(),
                            country(candidate.signature(), language),
                            candidate.possibleDuplicates().stream()
                                    .map(id -> names.getOrDefault(id, id.toString()))
                                    .toList()))
                    .toList();
            ModelAndView page = page("signatures/console/moderation", statementId, language, request, status);
            page.addObject("rows", rows);
            page.addObject("errors", errors);
            page.addObject("done", "approved".equals(done) || "rejected".equals(done) ? done : null);
            page.addObject("settings", signatures.settings(statementId));
            return page;
        } catch (ErrorResponseException refused) {
            return refusal(refused, language);
        }
    }

    private ModelAndView page(
            String view, UUID statementId, String language, HttpServletRequest request, HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("statementId", statementId);
        page.addObject("lang", language);
        page.addObject("dir", PageLanguage.direction(language));
        page.addObject("csrfToken", csrf.token(request));
        page.addObject(
                "languages",
                PageLanguage.CHOICES.stream()
                        .map(choice -> new org.chorus.signatures.web.Pages.LanguageLink(
                                choice.code(),
                                choice.name(),
                                UriComponentsBuilder.fromPath(request.getRequestURI())
                                        .queryParam("lang", choice.code())
                                        .build()
                                        .toUriString(),
                                choice.code().equals(language)))
                        .toList());
        return page;
    }

    private static ModelAndView backToQueue(UUID statementId, HttpServletRequest request, String done) {
        return new ModelAndView(
                "redirect:/console/statements/" + statementId + "/moderation?done=" + done + "&lang="
                        + language(request),
                HttpStatus.SEE_OTHER);
    }

    private static ModelAndView forbidden(HttpServletRequest request) {
        return message(HttpStatus.FORBIDDEN, "console.forbidden", language(request));
    }

    private static ModelAndView refusal(ErrorResponseException refused, String language) {
        HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
        return message(status, status == HttpStatus.CONFLICT ? "console.conflict" : "console.notFound", language);
    }

    private static ModelAndView message(HttpStatus status, String key, String language) {
        ModelAndView page = new ModelAndView("signatures/message", status);
        page.addObject("titleKey", key + ".title");
        page.addObject("textKey", key + ".text");
        page.addObject("lang", language);
        page.addObject("dir", PageLanguage.direction(language));
        return page;
    }

    /** The language asked for with {@code ?lang=} (or the form's hidden field), else English. */
    private static String language(HttpServletRequest request) {
        String language = PageLanguage.choose(request.getParameter("lang"), "en");
        PageLanguage.use(request, language);
        return language;
    }

    private static String country(Signatures.Entry entry, String language) {
        return entry.country() == null ? "" : Countries.name(entry.country(), Locale.forLanguageTag(language));
    }
}
