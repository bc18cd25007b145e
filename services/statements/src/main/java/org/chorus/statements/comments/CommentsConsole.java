package org.chorus.statements.comments;

import java.util.UUID;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.chorus.statements.drafting.Access;
import org.chorus.statements.drafting.ConsoleStatus;
import org.chorus.statements.drafting.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Comments without JavaScript: the coordinator quotes the passage; it is anchored at its first occurrence in the
 * current revision.
 */
@Controller
class CommentsConsole {
    private final Comments comments;
    private final Access access;

    CommentsConsole(Comments comments, Access access) {
        this.comments = comments;
        this.access = access;
    }

    @GetMapping("/console/statements/{id}/comments")
    String page(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, Model model) {
        Access.StatementRef statement = access.require(id, me, Role.VIEWER);
        model.addAttribute("statement", statement);
        model.addAttribute(
                "source", access.revision(id, statement.currentRevision()).orElseThrow());
        model.addAttribute("threads", comments.threads(me, id));
        model.addAttribute("quote", "");
        model.addAttribute("body", "");
        return "console/comments";
    }

    @PostMapping("/console/statements/{id}/comments")
    String start(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String quote,
            @RequestParam(defaultValue = "") String body,
            Model model) {
        try {
            Access.StatementRef statement = access.require(id, me, Role.COMMENTER);
            String text = access.revision(id, statement.currentRevision())
                    .orElseThrow()
                    .body();
            int start = quote.isEmpty() ? -1 : text.indexOf(quote);
            if (start < 0) {
                throw org.chorus.statements.drafting.FieldProblems.invalid(
                        "quote", "Copy the passage exactly as it stands in the current text.");
            }
            checkBody(body);
            comments.start(me, id, statement.currentRevision(), start, start + quote.length(), quote, body.strip());
            return "redirect:/console/statements/" + id + "/comments";
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, quote, body);
        }
    }

    @PostMapping("/console/statements/{id}/comments/{commentId}/{action:replies|resolve|reopen}")
    String act(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @PathVariable UUID commentId,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String body,
            Model model) {
        try {
            switch (action) {
                case "replies" -> {
                    checkBody(body);
                    comments.reply(me, id, commentId, body.strip());
                }
                case "resolve" -> comments.resolve(me, id, commentId, true);
                default -> comments.resolve(me, id, commentId, false);
            }
            return "redirect:/console/statements/" + id + "/comments";
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, "", "");
        }
    }

    private String again(
            CurrentCoordinator me, UUID id, Model model, ErrorResponseException e, String quote, String body) {
        if (e.getStatusCode().value() == 404) {
            throw e;
        }
        ConsoleStatus.of(e);
        page(me, id, model);
        model.addAttribute("quote", quote);
        model.addAttribute("body", body);
        model.addAttribute("error", e.getBody().getDetail());
        return "console/comments";
    }

    private static void checkBody(String body) {
        if (body.isBlank() || body.length() > 5000) {
            throw org.chorus.statements.drafting.FieldProblems.invalid(
                    "body", "Write the comment (up to 5000 characters).");
        }
    }
}
