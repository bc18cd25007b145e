package org.chorus.console.account;

import org.chorus.console.web.ProblemMessages;
import org.chorus.console.web.ServiceProblem;
import org.chorus.console.web.Services;
import org.chorus.console.web.Services.Service;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's account: who they are, their coalitions (each with a Leave button), and what they were invited to
 * and have not answered (coalitions to join, statements to co-draft), each with Accept and Decline. Statements decides.
 * Their passkeys are listed beside ({@link PasskeyPages}).
 */
@Controller
class AccountPages {
    private static final String ID = "{id:[0-9a-fA-F-]{36}}";

    private final Services services;
    private final ProblemMessages problems;
    private final PasskeyPages passkeys;

    AccountPages(Services services, ProblemMessages problems, PasskeyPages passkeys) {
        this.services = services;
        this.problems = problems;
        this.passkeys = passkeys;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("me", Services.coordinator());
        model.addAttribute("coalitions", services.get(Service.STATEMENTS, "/api/coalitions"));
        model.addAttribute("invitations", services.get(Service.STATEMENTS, "/api/me/invitations"));
        model.addAttribute("passkeys", passkeys.mine());
        return "account";
    }

    @PostMapping("/account/coalitions/" + ID + "/{action:accept|decline}")
    String answerCoalition(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        return call(
                () -> services.post(Service.STATEMENTS, "/api/coalitions/" + id + "/invitation/" + action, null),
                notice(action),
                redirect);
    }

    @PostMapping("/account/coalitions/" + ID + "/leave")
    String leave(@PathVariable String id, RedirectAttributes redirect) {
        return call(
                () -> services.delete(Service.STATEMENTS, "/api/coalitions/" + id + "/members/me"),
                "account.left",
                redirect);
    }

    @PostMapping("/account/statements/" + ID + "/{action:accept|decline}")
    String answerStatement(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        return call(
                () -> services.post(Service.STATEMENTS, "/api/statements/" + id + "/invitation/" + action, null),
                notice(action),
                redirect);
    }

    private static String notice(String action) {
        return action.equals("accept") ? "account.accepted" : "account.declined";
    }

    private String call(Runnable call, String notice, RedirectAttributes redirect) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/account";
    }
}
