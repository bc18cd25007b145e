package org.chorus.signatures.reconsent;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.chorus.signatures.statements.StatementText;
import org.chorus.signatures.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page behind the re-consent link: the new text in the signer's language (its final, current translation, else
 * the primary text), its fingerprint, and one button; the signature then stands for the version read.
 */
@Controller
class ReconsentPages {
    private final Reconsent reconsent;
    private final OpenStatements statements;
    private final Clock clock;

    ReconsentPages(Reconsent reconsent, OpenStatements statements, Clock clock) {
        this.reconsent = reconsent;
        this.statements = statements;
        this.clock = clock;
    }

    @GetMapping("/reconsent/{token}")
    ModelAndView show(@PathVariable String token, @RequestParam(required = false) String lang) {
        return reconsent
                .find(token)
                .map(request -> {
                    OpenStatement statement =
                            statements.find(request.statementId()).orElseThrow();
                    if (!"CONFIRMED".equals(request.status())) {
                        return Pages.message(HttpStatus.GONE, "gone", statement.language());
                    }
                    if (statement.signOnEnded(clock.instant())) {
                        return Pages.message(HttpStatus.CONFLICT, statement.endedMessage(), statement.language());
                    }
                    boolean done = request.revision() >= statement.revision();
                    ModelAndView page = page(done ? "signatures/reconfirmed" : "signatures/reconsent", statement);
                    page.addObject("token", token);
                    reading(page, statement, statements.textIn(statement, lang));
                    return page;
                })
                .orElseGet(ReconsentPages::invalidLink);
    }

    @PostMapping("/reconsent/{token}")
    ModelAndView confirm(
            @PathVariable String token,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String textLanguage,
            @RequestParam(required = false) String textHash) {
        return reconsent
                .find(token)
                .map(request -> {
                    OpenStatement statement =
                            statements.find(request.statementId()).orElseThrow();
                    if (!"CONFIRMED".equals(request.status())) {
                        return Pages.message(HttpStatus.GONE, "gone", statement.language());
                    }
                    if (statement.signOnEnded(clock.instant())) {
                        return Pages.message(HttpStatus.CONFLICT, statement.endedMessage(), statement.language());
                    }
                    String language = textLanguage == null || textLanguage.isBlank() ? lang : textLanguage;
                    StatementText current = statements.textIn(statement, language);
                    // a page without the fingerprint (sent before it carried one) confirms the text shown now
                    Optional<StatementText> read = textHash == null || textHash.isBlank()
                            ? Optional.of(current)
                            : statements.textWithHash(statement, language, textHash);
                    if (read.isEmpty()) {
                        ModelAndView page = page("signatures/reconsent", statement);
                        page.setStatus(HttpStatus.CONFLICT);
                        page.addObject("token", token);
                        page.addObject("errors", Map.of("text", "error.text"));
                        reading(page, statement, current);
                        return page;
                    }
                    boolean first = reconsent.reconfirm(request, statement, read.get());
                    ModelAndView page = page("signatures/reconfirmed", statement);
                    reading(page, statement, read.get());
                    if (!first) {
                        page.setStatus(HttpStatus.CONFLICT);
                    }
                    return page;
                })
                .orElseGet(ReconsentPages::invalidLink);
    }

    private static void reading(ModelAndView page, OpenStatement statement, StatementText reading) {
        page.addObject("reading", reading);
        page.addObject(
                "readingName",
                Locale.forLanguageTag(reading.language()).getDisplayLanguage(Locale.forLanguageTag((String)
                        page.getModel().get("lang"))));
    }

    private static ModelAndView page(String view, OpenStatement statement) {
        return Pages.page(view, statement, HttpStatus.OK);
    }

    private static ModelAndView invalidLink() {
        return Pages.message(HttpStatus.NOT_FOUND, "linkInvalid", null);
    }
}
