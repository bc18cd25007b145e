package org.chorus.console.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Drafting a statement: its text and revisions with the word diff between two of them, translations side by side with
 * the original, comment threads on passages, co-drafters, and errata once published. Every page reads and writes
 * through the statements API with the coordinator's token; a refusal shows translated, with what was typed kept.
 */
@Controller
class DraftingPages {
    private static final String ID = "/statements/{id:[0-9a-fA-F-]{36}}";

    private final Services services;
    private final ProblemMessages problems;

    DraftingPages(Services services, ProblemMessages problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping(ID + "/text")
    String text(
            @PathVariable String id,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Model model) {
        Map<?, ?> statement = statement(id);
        Map<?, ?> revision = (Map<?, ?>) statement.get("revision");
        if (!model.containsAttribute("title")) {
            model.addAttribute("title", revision.get("title"));
            model.addAttribute("body", revision.get("body"));
        }
        List<?> revisions = new ArrayList<>((List<?>) services.get(Service.STATEMENTS, api(id, "/revisions")));
        java.util.Collections.reverse(revisions);
        model.addAttribute("statement", statement);
        model.addAttribute("revisions", revisions);
        int current = ((Number) revision.get("number")).intValue();
        if (from != null && to != null) {
            model.addAttribute("diff", services.get(Service.STATEMENTS, api(id, "/diff?from=" + from + "&to=" + to)));
        }
        model.addAttribute("from", from == null ? Math.max(1, current - 1) : from);
        model.addAttribute("to", to == null ? current : to);
        model.addAttribute("tab", "text");
        return "drafting";
    }

    /**
     * A new revision. A material change to an open statement asks confirmed signers to re-consent: the page says so
     * before anything is saved, and saves only once the coordinator confirms.
     */
    @PostMapping(ID + "/revisions")
    String revise(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean editorial,
            @RequestParam(defaultValue = "false") boolean reconsentUnderstood,
            Model model,
            RedirectAttributes redirect) {
        Map<?, ?> statement = statement(id);
        if ("OPEN".equals(statement.get("status")) && !editorial && !reconsentUnderstood) {
            model.addAttribute("confirmReconsent", true);
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            return text(id, null, null, model);
        }
        try {
            Map<String, Object> revision = new LinkedHashMap<>();
            revision.put("title", title);
            revision.put("body", body);
            revision.put("material", !editorial);
            Map<?, ?> saved = (Map<?, ?>) services.post(Service.STATEMENTS, api(id, "/revisions"), revision);
            int number = ((Number) ((Map<?, ?>) saved.get("revision")).get("number")).intValue();
            redirect.addFlashAttribute("notice", "drafting.saved");
            return "redirect:/statements/" + id + "/text?from=" + (number - 1) + "&to=" + number + "#diff";
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            return text(id, null, null, model);
        }
    }

    @GetMapping(ID + "/translations")
    String translations(@PathVariable String id, @RequestParam(required = false) String language, Model model) {
        Map<?, ?> statement = statement(id);
        List<?> translations = (List<?>) services.get(Service.STATEMENTS, api(id, "/translations"));
        List<String> missing = new ArrayList<>(ConsoleLocale.LANGUAGES);
        missing.remove((String) statement.get("language"));
        Map<?, ?> chosen = null;
        for (Object translation : translations) {
            String existing = (String) ((Map<?, ?>) translation).get("language");
            missing.remove(existing);
            if (existing.equals(language)) {
                chosen = (Map<?, ?>) translation;
            }
        }
        model.addAttribute("statement", statement);
        model.addAttribute("translations", translations);
        model.addAttribute("missing", missing);
        if (language != null
                && ConsoleLocale.supported(language).isPresent()
                && !language.equals(statement.get("language"))) {
            model.addAttribute("language", language);
            if (!model.containsAttribute("title")) {
                model.addAttribute("title", chosen == null ? "" : chosen.get("title"));
                model.addAttribute("body", chosen == null ? "" : chosen.get("body"));
                model.addAttribute("translationStatus", chosen == null ? "DRAFT" : chosen.get("status"));
            }
            model.addAttribute("translation", chosen);
        }
        model.addAttribute("tab", "translations");
        return "translations";
    }

    @PostMapping(ID + "/translations/{language:[a-z]{2}}")
    String translate(
            @PathVariable String id,
            @PathVariable String language,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "DRAFT") String status,
            Model model,
            RedirectAttributes redirect) {
        try {
            services.put(
                    Service.STATEMENTS,
                    api(id, "/translations/" + language),
                    Map.of("title", title, "body", body, "status", status));
            redirect.addFlashAttribute("notice", "translations.saved");
            return "redirect:/statements/" + id + "/translations?language=" + language;
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            model.addAttribute("translationStatus", status);
            return translations(id, language, model);
        }
    }

    @GetMapping(ID + "/comments")
    String comments(@PathVariable String id, Model model) {
        model.addAttribute("statement", statement(id));
        model.addAttribute("threads", services.get(Service.STATEMENTS, api(id, "/comments")));
        model.addAttribute("tab", "comments");
        return "comments";
    }

    /** A thread on a passage copied from the current text; with no passage, on the whole text. */
    @PostMapping(ID + "/comments")
    String comment(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String quote,
            @RequestParam(defaultValue = "") String body,
            Model model) {
        Map<?, ?> statement = statement(id);
        Map<?, ?> revision = (Map<?, ?>) statement.get("revision");
        String text = (String) revision.get("body");
        String passage = quote.strip();
        int start = passage.isEmpty() ? 0 : text.indexOf(passage);
        try {
            if (start < 0) {
                throw new ServiceProblem(400, "comments.quoteNotFound", List.of("quote"));
            }
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("revision", revision.get("number"));
            comment.put("startOffset", start);
            comment.put("endOffset", passage.isEmpty() ? text.length() : start + passage.length());
            comment.put("quote", passage.isEmpty() ? null : passage);
            comment.put("body", body);
            services.post(Service.STATEMENTS, api(id, "/comments"), comment);
            return "redirect:/statements/" + id + "/comments";
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            model.addAttribute("quote", quote);
            model.addAttribute("commentBody", body);
            return comments(id, model);
        }
    }

    @PostMapping(ID + "/comments/{commentId:[0-9a-fA-F-]{36}}/{action:replies|resolve|reopen}")
    String thread(
            @PathVariable String id,
            @PathVariable String commentId,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        return act(
                id,
                "/comments",
                redirect,
                () -> services.post(
                        Service.STATEMENTS,
                        api(id, "/comments/" + commentId + "/" + action),
                        action.equals("replies") ? Map.of("body", body) : ""));
    }

    @GetMapping(ID + "/members")
    String members(@PathVariable String id, Model model) {
        model.addAttribute("statement", statement(id));
        model.addAttribute("members", services.get(Service.STATEMENTS, api(id, "/members")));
        model.addAttribute("me", Services.coordinator());
        model.addAttribute("tab", "members");
        return "members";
    }

    @PostMapping(ID + "/members")
    String invite(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "EDITOR") String role,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("inviteEmail", email);
        return act(
                id,
                "/members",
                redirect,
                () -> services.post(Service.STATEMENTS, api(id, "/members"), Map.of("email", email, "role", role)));
    }

    @PostMapping(ID + "/errata")
    String erratum(@PathVariable String id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        redirect.addFlashAttribute("erratum", text);
        return act(id, "", redirect, () -> services.post(Service.STATEMENTS, api(id, "/errata"), Map.of("text", text)));
    }

    private Map<?, ?> statement(String id) {
        return (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
    }

    private static String api(String id, String path) {
        return "/api/statements/" + id + path;
    }

    private String act(String id, String page, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.getFlashAttributes().remove("inviteEmail");
            redirect.getFlashAttributes().remove("erratum");
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/statements/" + id + page;
    }
}
