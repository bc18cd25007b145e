package org.chorus.signatures.signon;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.events.Countries;
import org.chorus.events.Visibility;
import org.chorus.platform.text.HumanText;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.chorus.signatures.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signer's personal link from the confirmation mail: correct name, country, qualifier and visibility while
 * sign-on is open; withdraw until the statement is published (after the close too, since the names are not out yet,
 * and still once the statement is withdrawn: a signer at risk can always take their name back from what is kept).
 */
@Controller
class ManagePages {
    private final SignOn signOn;
    private final Changes changes;
    private final OpenStatements statements;
    private final Clock clock;

    ManagePages(SignOn signOn, Changes changes, OpenStatements statements, Clock clock) {
        this.signOn = signOn;
        this.changes = changes;
        this.statements = statements;
        this.clock = clock;
    }

    /** What the correction form sends; a withheld signer's name fields start empty (their values are sealed). */
    record CorrectionForm(String name, String country, String qualifier, String visibility, Boolean countCountry) {
        CorrectionForm {
            name = trim(name);
            country = trim(country);
            qualifier = trim(qualifier);
            visibility = trim(visibility);
        }

        /** Name, country and qualifier through the platform's HumanText; refusals named in {@code errors}. */
        CorrectionForm normalised(Map<String, String> errors) {
            return new CorrectionForm(
                    HumanText.formField("name", name, 200, errors, "error.name.long"),
                    HumanText.formField("country", country, 10, errors, "error.country"),
                    HumanText.formField("qualifier", qualifier, 300, errors, "error.qualifier.long"),
                    visibility,
                    countCountry);
        }

        static CorrectionForm of(Signature signature) {
            return new CorrectionForm(
                    signature.withheld() ? "" : signature.name(),
                    signature.country(),
                    signature.withheld() ? "" : signature.qualifier(),
                    signature.visibility().name(),
                    signature.countryCounted());
        }

        public boolean withheld() {
            return Visibility.WITHHELD.name().equals(visibility);
        }

        private static String trim(String value) {
            return value == null ? "" : value.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
        }
    }

    @GetMapping("/manage/{token}")
    ModelAndView show(@PathVariable String token) {
        return changeable(
                token,
                (signature, statement) ->
                        managePage(signature, statement, token, CorrectionForm.of(signature), Map.of(), HttpStatus.OK));
    }

    @PostMapping("/manage/{token}/withdrawal")
    ModelAndView withdraw(@PathVariable String token) {
        return changeable(token, (signature, statement) -> {
            changes.withdraw(signature);
            return page("signatures/withdrawn", statement, HttpStatus.OK);
        });
    }

    @PostMapping("/manage/{token}")
    ModelAndView correct(@PathVariable String token, @ModelAttribute CorrectionForm typed) {
        return changeable(token, (signature, statement) -> {
            if (statement.signOnEnded(clock.instant())) {
                return Pages.message(HttpStatus.CONFLICT, "correctionsEnded", statement.language());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            CorrectionForm form = typed.normalised(errors);
            boolean keepsSealedName =
                    signature.withheld() && form.withheld() && form.name().isEmpty();
            if (form.name().isEmpty() && !keepsSealedName) {
                errors.put("name", "error.name.missing");
            }
            if (!form.country().isEmpty() && !Countries.isKnown(form.country())) {
                errors.put("country", "error.country");
            }
            if (!form.withheld() && !Visibility.PUBLIC.name().equals(form.visibility())) {
                errors.put("visibility", "error.visibility");
            }
            if (!errors.isEmpty()) {
                return managePage(signature, statement, token, form, errors, HttpStatus.BAD_REQUEST);
            }
            changes.correct(
                    signature,
                    new Changes.Correction(
                            SignOnForm.nullIfEmpty(form.name()),
                            SignOnForm.nullIfEmpty(form.country()),
                            SignOnForm.nullIfEmpty(form.qualifier()),
                            form.withheld() ? Visibility.WITHHELD : Visibility.PUBLIC,
                            !form.withheld() || Boolean.TRUE.equals(form.countCountry())));
            Signature corrected = signOn.findByToken(token).orElseThrow();
            ModelAndView page =
                    managePage(corrected, statement, token, CorrectionForm.of(corrected), Map.of(), HttpStatus.OK);
            page.addObject("saved", true);
            return page;
        });
    }

    private interface Action {
        ModelAndView apply(Signature signature, OpenStatement statement);
    }

    private ModelAndView changeable(String token, Action action) {
        Optional<Signature> found = signOn.findByToken(token);
        if (found.isEmpty()) {
            return Pages.message(HttpStatus.NOT_FOUND, "linkInvalid", null);
        }
        Signature signature = found.get();
        OpenStatement statement = statements.find(signature.statementId()).orElseThrow();
        if (signature.status() != Signature.Status.PENDING && signature.status() != Signature.Status.CONFIRMED) {
            return Pages.message(HttpStatus.GONE, "gone", statement.language());
        }
        if (statement.published() && !statement.withdrawn()) {
            return Pages.message(HttpStatus.CONFLICT, "published", statement.language());
        }
        return action.apply(signature, statement);
    }

    private ModelAndView managePage(
            Signature signature,
            OpenStatement statement,
            String token,
            CorrectionForm form,
            Map<String, String> errors,
            HttpStatus status) {
        ModelAndView page = page("signatures/manage", statement, status);
        page.addObject("correctionsEnded", statement.signOnEnded(clock.instant()));
        page.addObject("late", late(signature, statement));
        page.addObject("signature", signature);
        page.addObject("token", token);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("countries", countries((String) page.getModel().get("lang")));
        return page;
    }

    private static ModelAndView page(String view, OpenStatement statement, HttpStatus status) {
        return Pages.page(view, statement, status);
    }

    /** Confirmed, but after sign-on ended (the confirmation raced the close): never counted or published. */
    static boolean late(Signature signature, OpenStatement statement) {
        return signature.status() == Signature.Status.CONFIRMED
                && !statement.countsConfirmationAt(signature.confirmedAt());
    }

    private static List<SignOnPages.CountryOption> countries(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return Countries.sortedBy(locale).stream()
                .map(code -> new SignOnPages.CountryOption(code, Countries.name(code, locale)))
                .toList();
    }
}
