package org.chorus.signatures.signon;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.Countries;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;
import org.chorus.platform.language.Languages;
import org.chorus.platform.text.EmailAddresses;
import org.chorus.platform.web.ClientAddresses;
import org.chorus.signatures.abuse.ConfirmationMailBudget;
import org.chorus.signatures.abuse.RateLimits;
import org.chorus.signatures.invitations.Invitations;
import org.chorus.signatures.links.PublicLinks;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.chorus.signatures.statements.StatementText;
import org.chorus.signatures.web.PageLanguage;
import org.chorus.signatures.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/** The public pages a signer sees: server-rendered, no JavaScript, nothing loaded from elsewhere. */
@Controller
class SignOnPages {
    private final OpenStatements statements;
    private final SignOn signOn;
    private final Invitations invitations;
    private final RateLimits rateLimits;
    private final ConfirmationMailBudget mailBudget;
    private final ClientAddresses clientAddresses;
    private final Clock clock;
    private final PublicLinks links;
    private final Validator validator;

    SignOnPages(
            OpenStatements statements,
            SignOn signOn,
            Invitations invitations,
            RateLimits rateLimits,
            ConfirmationMailBudget mailBudget,
            ClientAddresses clientAddresses,
            Clock clock,
            PublicLinks links,
            Validator validator) {
        this.validator = validator;
        this.statements = statements;
        this.signOn = signOn;
        this.invitations = invitations;
        this.rateLimits = rateLimits;
        this.mailBudget = mailBudget;
        this.clientAddresses = clientAddresses;
        this.clock = clock;
        this.links = links;
    }

    record CountryOption(String code, String name) {}

    /** {@code ?kind=individual} shows the form for a person signing in their own name; links switch, no script. */
    @GetMapping("/sign/{statementId}")
    ModelAndView form(
            @PathVariable String statementId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String invitation,
            @RequestParam(required = false) String lang) {
        SignatoryKind signatoryKind =
                "individual".equalsIgnoreCase(kind) ? SignatoryKind.INDIVIDUAL : SignatoryKind.ORGANISATION;
        Optional<OpenStatement> found = statement(statementId);
        if (found.isEmpty()) {
            return unknownStatement();
        }
        OpenStatement statement = found.get();
        if (statement.signOnEnded(clock.instant())) {
            return signOnEnded(statement);
        }
        if (invitation != null) {
            Invitations.Following following = invitations.open(statement.id(), invitation);
            if (following.status() != Invitations.Status.VALID) {
                return invitationRefused(statement, following.status());
            }
            Invitations.Invited invited = following.invited();
            if (lang == null && invited.language() != null) {
                // a link mailed without its language (before links carried it) opens in the invitation's language
                RedirectView inTheirLanguage = new RedirectView(
                        UriComponentsBuilder.fromPath("/sign/" + statement.id())
                                .queryParam("invitation", invitation)
                                .queryParam("lang", Languages.choose(invited.language(), statement.language()))
                                .build()
                                .encode()
                                .toUriString(),
                        true);
                inTheirLanguage.setStatusCode(HttpStatus.SEE_OTHER);
                return new ModelAndView(inTheirLanguage);
            }
            StatementText reading = statements.textIn(statement, lang);
            return signPage(
                    statement,
                    reading,
                    SignOnForm.invited(reading.contentHash(), invited.organisation(), invited.country(), invitation),
                    Map.of(),
                    null);
        }
        if (statement.inviteOnly()) {
            return inviteOnly(statement);
        }
        StatementText reading = statements.textIn(statement, lang);
        return signPage(statement, reading, SignOnForm.empty(reading.contentHash(), signatoryKind), Map.of(), null);
    }

    @PostMapping("/sign/{statementId}")
    ModelAndView submit(
            @PathVariable String statementId,
            @RequestParam(required = false) String powChallenge,
            @RequestParam(required = false) String powNonce,
            HttpServletRequest request) {
        Optional<OpenStatement> found = statement(statementId);
        if (found.isEmpty()) {
            return unknownStatement();
        }
        OpenStatement statement = found.get();
        if (statement.signOnEnded(clock.instant())) {
            return signOnEnded(statement);
        }
        SignOnForm form = SignOnForm.read(request::getParameter);
        Invitations.Invited invited = null;
        if (!form.invitation().isEmpty()) {
            Invitations.Following following = invitations.check(statement.id(), form.invitation());
            if (following.status() != Invitations.Status.VALID) {
                return invitationRefused(statement, following.status());
            }
            invited = following.invited();
        } else if (statement.inviteOnly()) {
            return inviteOnly(statement);
        }
        // the text the page showed: the translation into the language chosen, or the primary text
        String textLanguage = Optional.ofNullable(request.getParameter("textLanguage"))
                .filter(value -> !value.isBlank())
                .orElse(request.getParameter("lang"));
        StatementText reading = statements.textIn(statement, textLanguage);
        Map<String, String> errors = new LinkedHashMap<>();
        form = form.normalised(errors);
        if (form.name().isEmpty()) {
            errors.put("name", form.individual() ? "error.name.person" : "error.name.org");
        }
        if (EmailAddresses.check(form.email()) == EmailAddresses.Verdict.NOT_A_DOMAIN_NAME) {
            errors.putIfAbsent("email", "error.email.domain");
        }
        validator
                .validate(form)
                .forEach(violation ->
                        errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        String country = SignOnForm.nullIfEmpty(form.country());
        if (country != null && !Countries.isKnown(country)) {
            errors.putIfAbsent("country", "error.country");
        }
        if (!form.knownVisibility()) {
            errors.putIfAbsent("visibility", "error.visibility");
        }
        if (!form.individual()
                && form.invitation().isEmpty()
                && form.contactName().isEmpty()) {
            errors.putIfAbsent("contactName", "error.contactName.missing");
        }
        if (!form.individual() && !Boolean.TRUE.equals(form.authorised())) {
            errors.putIfAbsent("authorised", "error.authorised");
        }
        Optional<StatementText> read = statements.textWithHash(statement, textLanguage, form.revisionHash());
        if (!errors.isEmpty()) {
            return signPage(
                    statement,
                    read.orElse(reading),
                    read.isPresent() ? form : form.withRevisionHash(reading.contentHash()),
                    errors,
                    HttpStatus.BAD_REQUEST);
        }
        if (read.isEmpty()) {
            return signPage(
                    statement,
                    reading,
                    form.withRevisionHash(reading.contentHash()),
                    Map.of("text", "error.text"),
                    HttpStatus.CONFLICT);
        }
        if (form.website() == null || form.website().isEmpty()) {
            Instant now = clock.instant();
            String client = clientAddresses.of(request);
            if (rateLimits.submission(statement.id(), client, now) == RateLimits.Verdict.PROOF_NEEDED
                    && !rateLimits.proofValid(statement.id(), powChallenge, powNonce, now)) {
                ModelAndView page = signPage(
                        statement, read.get(), form, Map.of("rate", "error.rate"), HttpStatus.TOO_MANY_REQUESTS);
                page.addObject("powChallenge", rateLimits.challenge(statement.id(), now));
                page.addObject("powBits", rateLimits.difficultyBits());
                return page;
            }
            boolean held = signOn.submit(
                    statement,
                    new SignOn.Submission(
                            form.signatoryKind(),
                            form.name(),
                            country,
                            SignOnForm.nullIfEmpty(form.qualifier()),
                            form.email(),
                            form.withheld() ? Visibility.WITHHELD : Visibility.PUBLIC,
                            !form.withheld() || Boolean.TRUE.equals(form.countCountry()),
                            invited == null ? null : invited.id(),
                            invited == null ? null : invited.wave(),
                            form.individual() ? null : SignOnForm.nullIfEmpty(form.contactName()),
                            Languages.choose(
                                    request.getParameter("lang"),
                                    invited == null ? null : invited.language(),
                                    statement.language()),
                            read.get()),
                    mailBudget.keys(form.email(), client),
                    links.base());
            rateLimits.accepted(statement.id(), now);
            // the mailbox's confirmation mails are spaced out: the signer is told theirs may take a while
            return sent(statement, request, held);
        }
        return sent(statement, request, false);
    }

    private static ModelAndView sent(OpenStatement statement, HttpServletRequest request, boolean held) {
        String lang = request.getParameter("lang");
        boolean known = lang != null && PageLanguage.SUPPORTED.contains(lang);
        // a view, not a "redirect:" view name: view resolution was 2 % of a submission
        RedirectView sent = new RedirectView(
                "/sign/" + statement.id() + "/sent" + (known ? "?lang=" + lang : "")
                        + (held ? (known ? "&" : "?") + "mail=later" : ""),
                true);
        sent.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(sent);
    }

    @GetMapping("/sign/{statementId}/sent")
    ModelAndView sent(
            @PathVariable String statementId,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String mail) {
        return statement(statementId)
                .map(statement -> {
                    ModelAndView page = page("signatures/sent", statement, HttpStatus.OK);
                    page.addObject("reading", statements.textIn(statement, lang));
                    page.addObject("later", "later".equals(mail));
                    return page;
                })
                .orElseGet(SignOnPages::unknownStatement);
    }

    /**
     * The version a signature stands for, for its confirmation pages: the title in the language the signer read, and
     * that text's fingerprint (a translation's own, or the primary's).
     */
    private void signedVersion(ModelAndView page, Signature signature, OpenStatement statement) {
        String read = signature.textLanguage() != null
                ? signature.textLanguage()
                : (String) page.getModel().get("lang");
        page.addObject("reading", statements.textIn(statement, read));
        boolean translation =
                signature.textLanguage() != null && !signature.textLanguage().equals(statement.language());
        page.addObject("signedTranslation", translation);
        page.addObject(
                "signedLanguageName",
                Locale.forLanguageTag(translation ? signature.textLanguage() : statement.language())
                        .getDisplayLanguage(
                                Locale.forLanguageTag((String) page.getModel().get("lang"))));
        String hash = signature.textHash() != null ? signature.textHash() : signature.revisionHash();
        page.addObject("signedHash", hash.substring(0, Math.min(12, hash.length())));
    }

    @GetMapping("/confirm/{token}")
    ModelAndView confirmation(@PathVariable String token) {
        return signOn.findByToken(token)
                .map(signature -> {
                    OpenStatement statement =
                            statements.find(signature.statementId()).orElseThrow();
                    if (signature.status() == Signature.Status.PENDING && statement.signOnEnded(clock.instant())) {
                        return signOnEnded(statement);
                    }
                    ModelAndView page = page(
                            signature.status() == Signature.Status.PENDING
                                    ? "signatures/confirm"
                                    : "signatures/already-confirmed",
                            statement,
                            HttpStatus.OK);
                    page.addObject("signature", signature);
                    page.addObject("token", token);
                    page.addObject("late", ManagePages.late(signature, statement));
                    signedVersion(page, signature, statement);
                    return page;
                })
                .orElseGet(SignOnPages::invalidLink);
    }

    @PostMapping("/confirm/{token}")
    ModelAndView confirm(@PathVariable String token) {
        Optional<Signature> confirmed = signOn.confirm(token);
        if (confirmed.isPresent()) {
            OpenStatement statement =
                    statements.find(confirmed.get().statementId()).orElseThrow();
            ModelAndView page = page("signatures/confirmed", statement, HttpStatus.OK);
            page.addObject("signature", confirmed.get());
            page.addObject("token", token);
            signedVersion(page, confirmed.get(), statement);
            return page;
        }
        return signOn.findByToken(token)
                .map(signature -> {
                    OpenStatement statement =
                            statements.find(signature.statementId()).orElseThrow();
                    if (signature.status() == Signature.Status.PENDING) {
                        return signOnEnded(statement); // the only reason a pending signature is not confirmed
                    }
                    ModelAndView page = page("signatures/already-confirmed", statement, HttpStatus.CONFLICT);
                    page.addObject("signature", signature);
                    page.addObject("late", ManagePages.late(signature, statement));
                    return page;
                })
                .orElseGet(SignOnPages::invalidLink);
    }

    private ModelAndView signPage(
            OpenStatement statement,
            StatementText reading,
            SignOnForm form,
            Map<String, String> errors,
            HttpStatus status) {
        ModelAndView page = page("signatures/sign", statement, status == null ? HttpStatus.OK : status);
        page.addObject("reading", reading);
        page.addObject("form", form);
        page.addObject("errors", errors);
        String language = (String) page.getModel().get("lang");
        Locale pageLocale = Locale.forLanguageTag(language);
        page.addObject("readingName", Locale.forLanguageTag(reading.language()).getDisplayLanguage(pageLocale));
        page.addObject(
                "originalName", Locale.forLanguageTag(statement.language()).getDisplayLanguage(pageLocale));
        page.addObject("originalHref", languageHref(statement, form, statement.language()));
        page.addObject(
                "longText", reading.text().codePointCount(0, reading.text().length()) > LONG_TEXT);
        page.addObject(
                "focus",
                FIELD_ORDER.stream().filter(errors::containsKey).findFirst().orElse(null));
        String kindLanguage = reading.translation() ? reading.language() : language;
        page.addObject(
                "kindHrefs",
                Map.of(
                        "organisation",
                        kindHref(statement, null, kindLanguage),
                        "individual",
                        kindHref(statement, "individual", kindLanguage)));
        page.addObject("countries", countries(language));
        page.addObject("individual", form.individual());
        page.addObject(
                "languages",
                PageLanguage.CHOICES.stream()
                        .map(choice -> new LanguageLink(
                                choice.code(),
                                choice.name(),
                                languageHref(statement, form, choice.code()),
                                choice.code().equals(language)))
                        .toList());
        return page;
    }

    record LanguageLink(String code, String name, String href, boolean current) {}

    /** Longer than this (in characters) the sign page offers a link past the text to the form. */
    private static final int LONG_TEXT = 800;

    /** The form's fields in page order: after a refusal the first one marked has the focus (no script needed). */
    private static final List<String> FIELD_ORDER =
            List.of("name", "country", "qualifier", "contactName", "email", "visibility", "authorised");

    private static String kindHref(OpenStatement statement, String kind, String language) {
        var href = UriComponentsBuilder.fromPath("/sign/" + statement.id());
        if (kind != null) {
            href.queryParam("kind", kind);
        }
        return href.queryParam("lang", language).build().encode().toUriString();
    }

    private static String languageHref(OpenStatement statement, SignOnForm form, String language) {
        var href = UriComponentsBuilder.fromPath("/sign/" + statement.id()).queryParam("lang", language);
        if (form.individual()) {
            href.queryParam("kind", "individual");
        }
        if (!form.invitation().isEmpty()) {
            href.queryParam("invitation", form.invitation());
        }
        return href.build().encode().toUriString();
    }

    /** A page in the language the signer chose with the switch ({@code lang}), else the statement's language. */
    private static ModelAndView page(String view, OpenStatement statement, HttpStatus status) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String language = PageLanguage.choose(request.getParameter("lang"), statement.language());
        PageLanguage.use(request, language);
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("statement", statement);
        page.addObject("lang", language);
        page.addObject("dir", PageLanguage.direction(language));
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

    private static ModelAndView unknownStatement() {
        return Pages.message(HttpStatus.NOT_FOUND, "unknown", null);
    }

    /** Closed, published, withdrawn or past its deadline: nothing sent here is stored or counted. */
    private static ModelAndView signOnEnded(OpenStatement statement) {
        return Pages.message(HttpStatus.CONFLICT, statement.endedMessage(), statement.language());
    }

    private static ModelAndView inviteOnly(OpenStatement statement) {
        return Pages.message(HttpStatus.FORBIDDEN, "inviteOnly", statement.language());
    }

    private static ModelAndView invitationRefused(OpenStatement statement, Invitations.Status status) {
        return status == Invitations.Status.EXPIRED
                ? Pages.message(HttpStatus.GONE, "invitationExpired", statement.language())
                : Pages.message(HttpStatus.NOT_FOUND, "invitationInvalid", statement.language());
    }

    private static ModelAndView invalidLink() {
        return Pages.message(HttpStatus.NOT_FOUND, "confirmationInvalid", null);
    }
}
