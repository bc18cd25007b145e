package org.chorus.signatures.reconsent;

import java.time.Clock;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.chorus.signatures.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** The page behind the re-consent link: the new text, its short hash, and one button. */
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
    ModelAndView show(@PathVariable String token) {
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
                    return page;
                })
                .orElseGet(ReconsentPages::invalidLink);
    }

    @PostMapping("/reconsent/{token}")
    ModelAndView confirm(@PathVariable String token) {
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
                    boolean first = reconsent.reconfirm(request, statement);
                    ModelAndView page = page("signatures/reconfirmed", statement);
                    if (!first) {
                        page.setStatus(HttpStatus.CONFLICT);
                    }
                    return page;
                })
                .orElseGet(ReconsentPages::invalidLink);
    }

    private static ModelAndView page(String view, OpenStatement statement) {
        return Pages.page(view, statement, HttpStatus.OK);
    }

    private static ModelAndView invalidLink() {
        return Pages.message(HttpStatus.NOT_FOUND, "linkInvalid", null);
    }
}
