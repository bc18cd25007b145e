package org.chorus.signatures.reconsent;

import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
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

    ReconsentPages(Reconsent reconsent, OpenStatements statements) {
        this.reconsent = reconsent;
        this.statements = statements;
    }

    @GetMapping("/reconsent/{token}")
    ModelAndView show(@PathVariable String token) {
        return reconsent
                .find(token)
                .map(request -> {
                    OpenStatement statement =
                            statements.find(request.statementId()).orElseThrow();
                    if (!"CONFIRMED".equals(request.status())) {
                        return message(
                                HttpStatus.GONE,
                                "Signature no longer counts",
                                "This signature was withdrawn or removed, so there is nothing to confirm.");
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
                        return message(
                                HttpStatus.GONE,
                                "Signature no longer counts",
                                "This signature was withdrawn or removed, so there is nothing to confirm.");
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
        ModelAndView page = new ModelAndView(view, HttpStatus.OK);
        page.addObject("statement", statement);
        page.addObject("dir", statement.language().equals("ar") ? "rtl" : "ltr");
        return page;
    }

    private static ModelAndView invalidLink() {
        return message(
                HttpStatus.NOT_FOUND,
                "Link not valid",
                "This link is not valid. Please use the link from your e-mail exactly as it was sent.");
    }

    private static ModelAndView message(HttpStatus status, String title, String text) {
        ModelAndView page = new ModelAndView("signatures/message", status);
        page.addObject("title", title);
        page.addObject("text", text);
        return page;
    }
}
