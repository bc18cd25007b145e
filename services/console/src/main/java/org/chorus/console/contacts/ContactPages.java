package org.chorus.console.contacts;

import java.util.LinkedHashMap;
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

/** Contact lists (the organisation's shared press book) and their contacts, from distribution. */
@Controller
class ContactPages {
    private final Services services;
    private final ProblemMessages problems;

    ContactPages(Services services, ProblemMessages problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping("/lists")
    String lists(Model model) {
        model.addAttribute("lists", services.get(Service.DISTRIBUTION, "/api/contact-lists"));
        return "lists";
    }

    @PostMapping("/lists")
    String createList(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            Map<?, ?> created =
                    (Map<?, ?>) services.post(Service.DISTRIBUTION, "/api/contact-lists", Map.of("name", name));
            return "redirect:/lists/" + created.get("id");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
            return "redirect:/lists";
        }
    }

    @GetMapping("/lists/{id:[0-9a-fA-F-]{36}}")
    String list(@PathVariable String id, Model model) {
        model.addAttribute("list", services.get(Service.DISTRIBUTION, "/api/contact-lists/" + id));
        return "list";
    }

    @PostMapping("/lists/{id:[0-9a-fA-F-]{36}}/contacts")
    String addContact(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String outlet,
            @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "") String country,
            RedirectAttributes redirect) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", name);
        contact.put("email", email);
        contact.put("language", language);
        if (!outlet.isBlank()) {
            contact.put("outlet", outlet);
        }
        if (!country.isBlank()) {
            contact.put("country", country.strip().toUpperCase(java.util.Locale.ROOT));
        }
        try {
            services.post(Service.DISTRIBUTION, "/api/contact-lists/" + id + "/contacts", contact);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:/lists/" + id;
    }
}
