package org.chorus.signatures.invitations;

import java.util.UUID;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
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

    DeclinePages(Invitations invitations, OpenStatements statements) {
        this.invitations = invitations;
        this.statements = statements;
    }

    @GetMapping("/sign/{statementId}/decline")
    ModelAndView ask(@PathVariable String statementId, @RequestParam(required = false) String invitation) {
        return withInvitation(statementId, invitation, (statement, invited) -> {
            ModelAndView page = new ModelAndView("signatures/decline", HttpStatus.OK);
            page.addObject("statement", statement);
            page.addObject("dir", statement.language().equals("ar") ? "rtl" : "ltr");
            page.addObject("invited", invited);
            page.addObject("invitation", invitation);
            return page;
        });
    }

    @PostMapping("/sign/{statementId}/decline")
    ModelAndView decline(@PathVariable String statementId, @RequestParam(required = false) String invitation) {
        return withInvitation(statementId, invitation, (statement, invited) -> {
            invitations.decline(invited);
            return message(
                    HttpStatus.OK,
                    "Thank you for telling us",
                    "We will not write to you about this statement again. If you change your mind, the link in"
                            + " your invitation still works.");
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
        Invitations.Following following = invitations.check(id, token);
        return switch (following.status()) {
            case VALID -> action.apply(statement.get(), following.invited());
            case EXPIRED ->
                message(
                        HttpStatus.GONE,
                        "Invitation expired",
                        "This invitation link has expired. Please ask the coordinators for a new one.");
            case NOT_VALID -> notValid();
        };
    }

    private static ModelAndView notValid() {
        return message(
                HttpStatus.NOT_FOUND,
                "Link not valid",
                "This invitation link is not valid. Please use the link from your invitation exactly as it was sent.");
    }

    private static ModelAndView message(HttpStatus status, String title, String text) {
        ModelAndView page = new ModelAndView("signatures/message", status);
        page.addObject("title", title);
        page.addObject("text", text);
        return page;
    }
}
