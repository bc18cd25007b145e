package org.chorus.signatures.signon;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.Countries;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public pages a signer sees: server-rendered, no JavaScript, nothing loaded from elsewhere. */
@Controller
class SignOnPages {
    private final OpenStatements statements;
    private final SignOn signOn;
    private final String publicUrl;

    SignOnPages(OpenStatements statements, SignOn signOn, @Value("${chorus.public-url:}") String publicUrl) {
        this.statements = statements;
        this.signOn = signOn;
        this.publicUrl = publicUrl;
    }

    record CountryOption(String code, String name) {}

    @GetMapping("/sign/{statementId}")
    ModelAndView form(@PathVariable String statementId) {
        return statement(statementId)
                .map(statement -> signPage(statement, SignOnForm.empty(statement.contentHash()), Map.of(), null))
                .orElseGet(SignOnPages::unknownStatement);
    }

    @PostMapping("/sign/{statementId}")
    ModelAndView submit(
            @PathVariable String statementId,
            @Valid @ModelAttribute("form") SignOnForm form,
            BindingResult validation,
            HttpServletRequest request) {
        Optional<OpenStatement> found = statement(statementId);
        if (found.isEmpty()) {
            return unknownStatement();
        }
        OpenStatement statement = found.get();
        Map<String, String> errors = new LinkedHashMap<>();
        validation.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        String country = SignOnForm.nullIfEmpty(form.country());
        if (country != null && !Countries.isKnown(country)) {
            errors.putIfAbsent("country", "Please choose a country from the list.");
        }
        if (!Boolean.TRUE.equals(form.authorised())) {
            errors.putIfAbsent("authorised", "Please confirm that you may sign for this organisation.");
        }
        if (!errors.isEmpty()) {
            return signPage(statement, form, errors, HttpStatus.BAD_REQUEST);
        }
        if (!statement.contentHash().equals(form.revisionHash())) {
            return signPage(
                    statement,
                    new SignOnForm(
                            form.name(),
                            form.country(),
                            form.qualifier(),
                            form.email(),
                            form.authorised(),
                            statement.contentHash(),
                            ""),
                    Map.of("text", "The text changed since you opened this page. Please read it again below."),
                    HttpStatus.CONFLICT);
        }
        if (form.website() == null || form.website().isEmpty()) {
            signOn.submit(
                    statement,
                    new SignOn.Submission(form.name(), country, SignOnForm.nullIfEmpty(form.qualifier()), form.email()),
                    confirmUrlPrefix(request));
        }
        return new ModelAndView("redirect:/sign/" + statement.id() + "/sent", HttpStatus.SEE_OTHER);
    }

    @GetMapping("/sign/{statementId}/sent")
    ModelAndView sent(@PathVariable String statementId) {
        return statement(statementId)
                .map(statement -> page("signatures/sent", statement, HttpStatus.OK))
                .orElseGet(SignOnPages::unknownStatement);
    }

    @GetMapping("/confirm/{token}")
    ModelAndView confirmation(@PathVariable String token) {
        return signOn.findByToken(token)
                .map(signature -> {
                    OpenStatement statement =
                            statements.find(signature.statementId()).orElseThrow();
                    ModelAndView page = page(
                            signature.status() == Signature.Status.PENDING
                                    ? "signatures/confirm"
                                    : "signatures/already-confirmed",
                            statement,
                            HttpStatus.OK);
                    page.addObject("signature", signature);
                    page.addObject("token", token);
                    return page;
                })
                .orElseGet(SignOnPages::invalidLink);
    }

    @PostMapping("/confirm/{token}")
    ModelAndView confirm(@PathVariable String token) {
        Optional<Signature> confirmed = signOn.confirm(token);
        if (confirmed.isPresent()) {
            ModelAndView page = page(
                    "signatures/confirmed",
                    statements.find(confirmed.get().statementId()).orElseThrow(),
                    HttpStatus.OK);
            page.addObject("signature", confirmed.get());
            return page;
        }
        return signOn.findByToken(token)
                .map(signature -> {
                    ModelAndView page = page(
                            "signatures/already-confirmed",
                            statements.find(signature.statementId()).orElseThrow(),
                            HttpStatus.CONFLICT);
                    page.addObject("signature", signature);
                    return page;
                })
                .orElseGet(SignOnPages::invalidLink);
    }

    private ModelAndView signPage(
            OpenStatement statement, SignOnForm form, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = page("signatures/sign", statement, status == null ? HttpStatus.OK : status);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("countries", countries(statement.language()));
        return page;
    }

    private static ModelAndView page(String view, OpenStatement statement, HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("statement", statement);
        page.addObject("dir", statement.language().equals("ar") ? "rtl" : "ltr");
        return page;
    }

    private static List<CountryOption> countries(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return Countries.sortedBy(locale).stream()
                .map(code -> new CountryOption(code, Countries.name(code, locale)))
                .toList();
    }

    private Optional<OpenStatement> statement(String id) {
        try {
            return statements.find(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String confirmUrlPrefix(HttpServletRequest request) {
        String base = publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).toUriString()
                : publicUrl;
        return base + "/confirm/";
    }

    private static ModelAndView unknownStatement() {
        return message(
                HttpStatus.NOT_FOUND,
                "Statement not found",
                "There is no statement open for signature at this address. Please check the link you were given.");
    }

    private static ModelAndView invalidLink() {
        return message(
                HttpStatus.NOT_FOUND,
                "Link not valid",
                "This confirmation link is not valid. Please use the link from your confirmation e-mail exactly as it was sent.");
    }

    private static ModelAndView message(HttpStatus status, String title, String text) {
        ModelAndView page = new ModelAndView("signatures/message", status);
        page.addObject("title", title);
        page.addObject("text", text);
        return page;
    }
}
