package org.chorus.console.statements;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.console.ServiceUrls;
import org.chorus.console.web.ConsoleLocale;
import org.chorus.console.web.CoordinatorZone;
import org.chorus.console.web.ProblemMessages;
import org.chorus.console.web.ServiceProblem;
import org.chorus.console.web.Services;
import org.chorus.console.web.Services.Service;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The statements list, pasting a new statement, and a statement's overview and lifecycle. */
@Controller
class StatementsPages {
    private final Services services;
    private final ServiceUrls urls;
    private final ProblemMessages problems;
    private final MessageSource messages;

    StatementsPages(Services services, ServiceUrls urls, ProblemMessages problems, MessageSource messages) {
        this.services = services;
        this.urls = urls;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/statements")
    String list(Model model) {
        model.addAttribute("statements", services.get(Service.STATEMENTS, "/api/statements"));
        model.addAttribute("statementLanguages", ConsoleLocale.LANGUAGES);
        return "statements";
    }

    /**
     * A pasted statement. Without a signatory list it is created at once; with one, nothing is stored yet: the page
     * shows the title and text to check and every line of the list as signatures' import reads it, to confirm.
     */
    @PostMapping("/statements")
    String create(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "en") String language,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> pasted = Map.of("text", text, "language", language);
        try {
            Map<?, ?> preview =
                    (Map<?, ?>) services.post(Service.STATEMENTS, "/api/statements/from-text?preview=true", pasted);
            if (((List<?>) preview.get("lines")).isEmpty()) {
                Map<?, ?> created = (Map<?, ?>) services.post(Service.STATEMENTS, "/api/statements/from-text", pasted);
                return "redirect:/statements/" + created.get("id");
            }
            return importPreview(
                    model, text, language, (String) preview.get("title"), (String) preview.get("body"), preview, null);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("text", text);
            return "redirect:/statements";
        }
    }

    /**
     * The confirmed preview: the statement with the title and text as checked, then the readable lines of its list
     * to signatures, where they wait for the statement to open. A refusal shows the preview again, as typed.
     */
    @PostMapping("/statements/import")
    String confirmImport(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "line", required = false) List<String> lines,
            Model model,
            RedirectAttributes redirect) {
        Locale page = LocaleContextHolder.getLocale();
        String id;
        try {
            Map<?, ?> created = (Map<?, ?>) services.post(
                    Service.STATEMENTS, "/api/statements", Map.of("title", title, "body", body, "language", language));
            id = (String) created.get("id");
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            Map<?, ?> preview = (Map<?, ?>) services.post(
                    Service.STATEMENTS,
                    "/api/statements/from-text?preview=true",
                    Map.of("text", text, "language", language));
            return importPreview(model, text, language, title, body, preview, problems.describe(problem, page));
        }
        if (lines != null && !lines.isEmpty()) {
            try {
                services.postText(Service.SIGNATURES, "/api/statements/" + id + "/imports", String.join("\n", lines));
            } catch (ServiceProblem problem) {
                if (problem.status() == 401) {
                    throw problem;
                }
                redirect.addFlashAttribute("problem", problems.describe(problem, page));
            }
        }
        return "redirect:/statements/" + id;
    }

    private String importPreview(
            Model model, String text, String language, String title, String body, Map<?, ?> preview, String problem) {
        Locale page = LocaleContextHolder.getLocale();
        List<ImportLine> lines = ((List<?>) preview.get("lines"))
                .stream()
                        .map(line -> ImportLine.of((Map<?, ?>) line, page, messages))
                        .toList();
        model.addAttribute("text", text);
        model.addAttribute("statementLanguage", language);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("lines", lines);
        model.addAttribute("accepted", lines.stream().filter(ImportLine::ok).count());
        model.addAttribute("refused", lines.stream().filter(line -> !line.ok()).count());
        model.addAttribute("leftOut", preview.get("leftOut"));
        model.addAttribute("problem", problem);
        return "import-preview";
    }

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}")
    String overview(@PathVariable String id, HttpServletRequest request, Model model) {
        Map<?, ?> statement = statement(id);
        Map<?, ?> schedule = (Map<?, ?>) statement.get("schedule");
        CoordinatorZone zone = CoordinatorZone.of(
                request, schedule == null ? null : (String) schedule.get("timeZone"), LocaleContextHolder.getLocale());
        model.addAttribute("statement", statement);
        model.addAttribute("times", zone);
        model.addAttribute("scheduleForm", ScheduleForm.of(schedule, zone));
        model.addAttribute("waitingImport", "DRAFT".equals(statement.get("status")) ? waitingImport(id) : 0);
        if ("PUBLISHED".equals(statement.get("status"))) {
            model.addAttribute("errata", services.get(Service.STATEMENTS, "/api/statements/" + id + "/errata"));
        }
        model.addAttribute("tab", "overview");
        return "statement";
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/{step:open|close}")
    String move(@PathVariable String id, @PathVariable String step, RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.STATEMENTS, "/api/statements/" + id + "/" + step, ""));
    }

    /**
     * Deadline, target and embargo, typed in the coordinator's time zone ({@code enteredIn}) and sent to statements as
     * the same moments in the statement's own time zone.
     */
    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/schedule")
    String schedule(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String deadline,
            @RequestParam(defaultValue = "") String signatureTarget,
            @RequestParam(defaultValue = "") String embargoUntil,
            @RequestParam(defaultValue = "UTC") String timeZone,
            @RequestParam(defaultValue = "") String enteredIn,
            RedirectAttributes redirect) {
        String statementZone = timeZone.isBlank() ? "UTC" : timeZone.strip();
        Map<String, Object> schedule = new java.util.LinkedHashMap<>();
        var typedIn = CoordinatorZone.zone(enteredIn);
        var target = CoordinatorZone.zone(statementZone);
        if (typedIn.isPresent() && target.isPresent()) {
            CoordinatorZone coordinator = new CoordinatorZone(typedIn.get(), LocaleContextHolder.getLocale());
            deadline = coordinator.toLocalIn(deadline, target.get());
            embargoUntil = coordinator.toLocalIn(embargoUntil, target.get());
        }
        schedule.put("deadline", deadline.isBlank() ? null : deadline);
        schedule.put("embargoUntil", embargoUntil.isBlank() ? null : embargoUntil);
        schedule.put("timeZone", statementZone);
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

    /** Entries of a pasted list that wait at signatures for the statement to open; 0 if signatures cannot say. */
    private int waitingImport(String id) {
        try {
            Object waiting =
                    ((Map<?, ?>) services.get(Service.SIGNATURES, "/api/statements/" + id + "/imports")).get("waiting");
            return waiting instanceof Number number ? number.intValue() : 0;
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            return 0;
        }
    }

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
