package org.chorus.signatures.invitations;

import java.time.Clock;
import java.util.UUID;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.chorus.signatures.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** "No, thank you": an invitee declines through the link in their invitation. */
@Controller
class DeclinePages {
    private final Invitations invitations;
    private final OpenStatements statements;
    private final Clock clock;

    DeclinePages(Invitations invitations, OpenStatements statements, Clock clock) {
        this.invitations = invitations;
        this.statements = statements;
        this.clock = clock;
    }

    @GetMapping("/sign/{statementId}/decline")
    ModelAndView ask(@PathVariable String statementId, @RequestParam(required = false) String invitation) {
        return withInvitation(statementId, invitation, (statement, invited) -> {
            ModelAndView page = Pages.page("signatures/decline", statement, HttpStatus.OK);
            page.addObject("invited", invited);
            page.addObject("invitation", invitation);
            return page;
        });
    }

    @PostMapping("/sign/{statementId}/decline")
    ModelAndView decline(@PathVariable String statementId, @RequestParam(required = false) String invitation) {
        return withInvitation(statementId, invitation, (statement, invited) -> {
            invitations.decline(invited);
            return Pages.message(HttpStatus.OK, "declined", statement.language());
        });
    }

    private interface Action {
        ModelAndView apply(OpenStatement statement, Invitations.Invited invited);
    }

    private ModelAndView withInvitation(String statementId, String token, Action action) {
        UUID id;
        try {
            id = UUID.fromString(statementId);
        } catch (IllegalArgumentException notAnId) {
            return notValid();
        }
        var statement = statements.find(id);
        if (statement.isEmpty()) {
            return notValid();
        }
        if (statement.get().signOnEnded(clock.instant())) {
            return Pages.message(
                    HttpStatus.CONFLICT,
                    statement.get().endedMessage(),
                    statement.get().language());
        }
        Invitations.Following following = invitations.check(id, token);
        return switch (following.status()) {
            case VALID -> action.apply(statement.get(), following.invited());
            case EXPIRED ->
                Pages.message(
                        HttpStatus.GONE, "invitationExpired", statement.get().language());
            case NOT_VALID -> notValid();
        };
    }

    private static ModelAndView notValid() {
        return Pages.message(HttpStatus.NOT_FOUND, "invitationInvalid", null);
    }
}
