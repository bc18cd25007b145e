package org.chorus.console.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.console.ServiceUrls;
import org.chorus.console.web.ConsoleLocale;
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

/** The statements list, pasting a new statement, a statement's overview and lifecycle, and its sharing panel. */
@Controller
class StatementsPages {
    private final Services services;
    private final ServiceUrls urls;
    private final ProblemMessages problems;

    StatementsPages(Services services, ServiceUrls urls, ProblemMessages problems) {
        this.services = services;
        this.urls = urls;
        this.problems = problems;
    }

    @GetMapping("/statements")
    String list(Model model) {
        model.addAttribute("statements", services.get(Service.STATEMENTS, "/api/statements"));
        model.addAttribute("statementLanguages", ConsoleLocale.LANGUAGES);
        return "statements";
    }

    @PostMapping("/statements")
    String create(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "en") String language,
            RedirectAttributes redirect) {
        try {
            Map<?, ?> created = (Map<?, ?>) services.post(
                    Service.STATEMENTS, "/api/statements/from-text", Map.of("text", text, "language", language));
            return "redirect:/statements/" + created.get("id");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("text", text);
            return "redirect:/statements";
        }
    }

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}")
    String overview(@PathVariable String id, Model model) {
        Map<?, ?> statement = statement(id);
        model.addAttribute("statement", statement);
        model.addAttribute("scheduleForm", ScheduleForm.of((Map<?, ?>) statement.get("schedule")));
        model.addAttribute("tab", "overview");
        return "statement";
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/{step:open|close}")
    String move(@PathVariable String id, @PathVariable String step, RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.STATEMENTS, "/api/statements/" + id + "/" + step, ""));
    }

    /** Deadline, target and embargo, written in the statement's time zone. */
    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/schedule")
    String schedule(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String deadline,
            @RequestParam(defaultValue = "") String signatureTarget,
            @RequestParam(defaultValue = "") String embargoUntil,
            @RequestParam(defaultValue = "UTC") String timeZone,
            RedirectAttributes redirect) {
        Map<String, Object> schedule = new java.util.LinkedHashMap<>();
        schedule.put("deadline", deadline.isBlank() ? null : deadline);
        schedule.put("embargoUntil", embargoUntil.isBlank() ? null : embargoUntil);
        schedule.put("timeZone", timeZone.isBlank() ? "UTC" : timeZone.strip());
        if (!signatureTarget.isBlank()) {
            try {
                schedule.put("signatureTarget", Integer.parseInt(signatureTarget.strip()));
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute(
                        "problem",
                        problems.describe(
                                new ServiceProblem(400, null, List.of("signatureTarget")),
                                LocaleContextHolder.getLocale()));
                return "redirect:/statements/" + id;
            }
        }
        return act(
                id, redirect, () -> services.put(Service.STATEMENTS, "/api/statements/" + id + "/schedule", schedule));
    }

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/publish")
    String confirmPublication(@PathVariable String id, Model model) {
        model.addAttribute("statement", statement(id));
        model.addAttribute("tab", "overview");
        return "publish";
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/publish")
    String publish(@PathVariable String id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> services.post(Service.STATEMENTS, "/api/statements/" + id + "/publish", Map.of("confirm", true)));
    }

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/sharing")
    String sharing(@PathVariable String id, Model model) {
        Map<?, ?> statement = statement(id);
        List<String> languages = new ArrayList<>();
        languages.add((String) statement.get("language"));
        for (Object translation :
                (List<?>) services.get(Service.STATEMENTS, "/api/statements/" + id + "/translations")) {
            String language = (String) ((Map<?, ?>) translation).get("language");
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        Locale page = LocaleContextHolder.getLocale();
        List<Link> links = languages.stream()
                .map(language -> new Link(
                        language,
                        Locale.forLanguageTag(language).getDisplayLanguage(page),
                        urls.signOnLink(id, language)))
                .toList();
        model.addAttribute("statement", statement);
        model.addAttribute("links", links);
        model.addAttribute("tab", "sharing");
        return "sharing";
    }

    record Link(String language, String languageName, String url) {}

    private Map<?, ?> statement(String id) {
        return (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
    }

    private String act(String id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/statements/" + id;
    }
}
