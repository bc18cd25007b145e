package org.chorus.console.releases;

import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A statement's release: choose a list, preview what a contact receives, send a test copy, send, watch progress. */
@Controller
class ReleasePages {
    private final Services services;
    private final ProblemMessages problems;

    ReleasePages(Services services, ProblemMessages problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/release")
    String prepare(
            @PathVariable String id,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String contact,
            Model model) {
        model.addAttribute("statement", services.get(Service.STATEMENTS, "/api/statements/" + id));
        model.addAttribute("lists", services.get(Service.DISTRIBUTION, "/api/contact-lists"));
        model.addAttribute("tab", "release");
        model.addAttribute("me", Services.coordinator());
        if (list != null && list.matches("[0-9a-fA-F-]{36}")) {
            Map<?, ?> chosen = (Map<?, ?>) services.get(Service.DISTRIBUTION, "/api/contact-lists/" + list);
            model.addAttribute("list", chosen);
            List<?> contacts = (List<?>) chosen.get("contacts");
            String previewed = contact != null && contact.matches("[0-9a-fA-F-]{36}")
                    ? contact
                    : contacts.isEmpty() ? null : (String) ((Map<?, ?>) contacts.get(0)).get("id");
            if (previewed != null) {
                model.addAttribute("previewedContact", previewed);
                try {
                    model.addAttribute(
                            "preview",
                            services.get(
                                    Service.DISTRIBUTION,
                                    "/api/releases/preview?statementId=" + id + "&contactId=" + previewed));
                } catch (ServiceProblem problem) {
                    if (problem.status() == 401) {
                        throw problem;
                    }
                    model.addAttribute("previewProblem", problems.describe(problem, LocaleContextHolder.getLocale()));
                }
            }
        }
        return "release";
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/release/test")
    String testSend(
            @PathVariable String id,
            @RequestParam String list,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "en") String language,
            RedirectAttributes redirect) {
        try {
            services.post(
                    Service.DISTRIBUTION,
                    "/api/releases/test-send",
                    Map.of("statementId", id, "address", address, "language", language));
            redirect.addFlashAttribute("notice", "release.testSent");
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("list", list);
        return "redirect:/statements/" + id + "/release";
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/release")
    String send(@PathVariable String id, @RequestParam String list, RedirectAttributes redirect) {
        try {
            Map<?, ?> release = (Map<?, ?>) services.post(
                    Service.DISTRIBUTION, "/api/releases", Map.of("statementId", id, "contactListId", list));
            return "redirect:/releases/" + release.get("id");
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            redirect.addAttribute("list", list);
            return "redirect:/statements/" + id + "/release";
        }
    }

    @GetMapping("/releases")
    String releases(Model model) {
        model.addAttribute("releases", services.get(Service.DISTRIBUTION, "/api/releases"));
        return "releases";
    }

    @GetMapping("/releases/{id:[0-9a-fA-F-]{36}}")
    String progress(@PathVariable String id, Model model) {
        Map<?, ?> release = (Map<?, ?>) services.get(Service.DISTRIBUTION, "/api/releases/" + id);
        model.addAttribute("release", release);
        model.addAttribute(
                "finished",
                release.get("completedAt") != null
                        || release.get("stoppedAt") != null
                        || "CANCELLED".equals(release.get("state")));
        return "release-progress";
    }
}
