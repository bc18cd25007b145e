package org.chorus.statements.drafting;

import java.util.List;
import java.util.UUID;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console pages for drafting: the statement list, one statement with its revisions and lifecycle, and diffs. */
@Controller
@RequestMapping("/console")
class DraftingConsole {
    private final Drafting drafting;

    DraftingConsole(Drafting drafting) {
        this.drafting = drafting;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentCoordinator me, Model model) {
        model.addAttribute("statements", drafting.list(me));
        model.addAttribute("me", me);
        model.addAttribute("title", "");
        model.addAttribute("body", "");
        model.addAttribute("language", me.language());
        model.addAttribute("pasted", "");
        return "console/statements";
    }

    @PostMapping("/statements")
    String create(
            @AuthenticationPrincipal CurrentCoordinator me,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String language,
            Model model) {
        try {
            text(title, body);
            FieldProblems.language("language", language);
            UUID id = drafting.create(me, title.strip(), body.strip(), language, Drafting.Details.NONE)
                    .id();
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            ConsoleStatus.of(e);
            list(me, model);
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            model.addAttribute("language", language);
            model.addAttribute("error", e.getBody().getDetail());
            return "console/statements";
        }
    }

    @PostMapping("/statements/from-text")
    String fromText(
            @AuthenticationPrincipal CurrentCoordinator me,
            @RequestParam(defaultValue = "") String pasted,
            @RequestParam(defaultValue = "") String language,
            Model model) {
        try {
            FieldProblems.language("language", language);
            PastedStatement statement = PastedStatement.parse(pasted);
            text(statement.title(), statement.body());
            UUID id = drafting.create(me, statement.title(), statement.body(), language, Drafting.Details.NONE)
                    .id();
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            ConsoleStatus.of(e);
            list(me, model);
            model.addAttribute("pasted", pasted);
            model.addAttribute("language", language);
            model.addAttribute("error", e.getBody().getDetail());
            return "console/statements";
        }
    }

    @GetMapping("/statements/{id}")
    String statement(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, Model model) {
        StatementView statement = drafting.find(me, id);
        List<StatementView.RevisionView> revisions = new java.util.ArrayList<>(drafting.revisions(me, id));
        java.util.Collections.reverse(revisions);
        model.addAttribute("statement", statement);
        model.addAttribute("revisions", revisions);
        model.addAttribute("members", drafting.members(me, id));
        model.addAttribute("errata", drafting.errata(me, id));
        model.addAttribute("title", statement.revision().title());
        model.addAttribute("body", statement.revision().body());
        return "console/statement";
    }

    @PostMapping("/statements/{id}/revisions")
    String revise(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean editorial,
            Model model) {
        try {
            text(title, body);
            drafting.revise(me, id, title.strip(), body.strip(), !editorial);
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, title, body);
        }
    }

    @PostMapping("/statements/{id}/details")
    String details(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String coalition,
            @RequestParam(defaultValue = "") String pressContact,
            Model model) {
        try {
            if (summary.length() > 2000) {
                throw FieldProblems.invalid("summary", "The summary must not be longer than 2000 characters.");
            }
            if (!slug.isBlank() && (slug.length() > 80 || !slug.matches(StatementsApi.SLUG))) {
                throw FieldProblems.invalid("slug", "The slug takes lower-case letters, digits and dashes (up to 80).");
            }
            if (coalition.length() > 300 || pressContact.length() > 500) {
                throw FieldProblems.invalid("coalition", "The coalition or press contact is too long.");
            }
            drafting.details(
                    me,
                    id,
                    new Drafting.Details(summary.strip(), slug.strip(), coalition.strip(), pressContact.strip()));
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, null, null);
        }
    }

    @PostMapping("/statements/{id}/{action:open|close|publish|withdraw}")
    String lifecycle(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        try {
            switch (action) {
                case "open" -> drafting.open(me, id);
                case "close" -> drafting.close(me, id);
                case "publish" -> drafting.publish(me, id, confirm);
                default -> {
                    if (reason.isBlank() || reason.length() > 2000) {
                        throw FieldProblems.invalid("reason", "Give a reason for withdrawing (up to 2000 characters).");
                    }
                    drafting.withdraw(me, id, reason.strip());
                }
            }
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, null, null);
        }
    }

    @PostMapping("/statements/{id}/schedule")
    String schedule(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String deadline,
            @RequestParam(required = false) Integer signatureTarget,
            @RequestParam(defaultValue = "") String embargoUntil,
            @RequestParam(defaultValue = "") String timeZone,
            Model model) {
        try {
            drafting.schedule(
                    me,
                    id,
                    Schedule.of(
                            deadline,
                            signatureTarget,
                            embargoUntil,
                            timeZone,
                            drafting.clock().instant()));
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, null, null);
        }
    }

    @PostMapping("/statements/{id}/members")
    String invite(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "VIEWER") Role role,
            Model model) {
        try {
            drafting.invite(me, id, email, role);
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            String page = again(me, id, model, e, null, null);
            model.addAttribute("inviteEmail", email);
            return page;
        }
    }

    @PostMapping("/statements/{id}/errata")
    String erratum(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            Model model) {
        try {
            if (text.isBlank() || text.length() > 10_000) {
                throw FieldProblems.invalid("text", "Write the erratum (up to 10000 characters).");
            }
            drafting.addErratum(me, id, text.strip());
            return "redirect:/console/statements/" + id;
        } catch (ErrorResponseException e) {
            return again(me, id, model, e, null, null);
        }
    }

    @GetMapping("/statements/{id}/diff")
    String diff(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam int from,
            @RequestParam int to,
            Model model) {
        model.addAttribute("statement", drafting.find(me, id));
        model.addAttribute("diff", drafting.diff(me, id, from, to));
        return "console/diff";
    }

    /** The statement page again, with the message and what the coordinator typed. */
    private String again(
            CurrentCoordinator me, UUID id, Model model, ErrorResponseException e, String title, String body) {
        if (e.getStatusCode().value() == 404) {
            throw e;
        }
        ConsoleStatus.of(e);
        statement(me, id, model);
        if (title != null) {
            model.addAttribute("title", title);
            model.addAttribute("body", body);
        }
        model.addAttribute("error", e.getBody().getDetail());
        return "console/statement";
    }

    private static void text(String title, String body) {
        if (title.isBlank() || title.length() > 300) {
            throw FieldProblems.invalid("title", "The title must not be empty nor longer than 300 characters.");
        }
        if (body.isBlank() || body.length() > 100_000) {
            throw FieldProblems.invalid("body", "The text must not be empty nor longer than 100000 characters.");
        }
    }
}
