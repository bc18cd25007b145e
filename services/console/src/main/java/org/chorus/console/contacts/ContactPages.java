package org.chorus.console.contacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.console.web.ImportReport;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contact lists (the coalition's press book), their contacts, CSV imports with their validation report, and saved
 * segments, from distribution.
 */
@Controller
class ContactPages {
    private final Services services;
    private final ProblemMessages problems;
    private final MessageSource messages;

    ContactPages(Services services, ProblemMessages problems, MessageSource messages) {
        this.services = services;
        this.problems = problems;
        this.messages = messages;
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
        model.addAttribute("segments", services.get(Service.DISTRIBUTION, "/api/contact-lists/" + id + "/segments"));
        return "list";
    }

    /**
     * A CSV file of contacts (uploaded, or pasted): {@code check} shows distribution's validation report;
     * {@code import} imports it when every row is right and shows the report otherwise. The text stays in the box.
     */
    @PostMapping("/lists/{id:[0-9a-fA-F-]{36}}/imports")
    String importCsv(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String csv,
            @RequestParam(defaultValue = "check") String action,
            RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        text = text.replace("\uFEFF", "");
        String path = "/api/contact-lists/" + id + "/imports";
        try {
            Map<?, ?> report =
                    (Map<?, ?>) services.postText(Service.DISTRIBUTION, path + "?dryRun=true", "text/csv", text);
            if (action.equals("import") && ((List<?>) report.get("errors")).isEmpty()) {
                Map<?, ?> imported = (Map<?, ?>) services.postText(Service.DISTRIBUTION, path, "text/csv", text);
                redirect.addFlashAttribute(
                        "noticeText",
                        messages.getMessage(
                                "contacts.imported",
                                new Object[] {imported.get("imported")},
                                LocaleContextHolder.getLocale()));
                return "redirect:/lists/" + id;
            }
            redirect.addFlashAttribute("report", ImportReport.of(report, messages));
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
        }
        redirect.addFlashAttribute("csv", text);
        return "redirect:/lists/" + id + "#import";
    }

    /** A saved segment: contacts matching every criterion given (countries, languages, types, tags). */
    @PostMapping("/lists/{id:[0-9a-fA-F-]{36}}/segments")
    String createSegment(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String countries,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(required = false) List<String> types,
            @RequestParam(defaultValue = "") String tags,
            RedirectAttributes redirect) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("name", name);
        segment.put(
                "countries",
                codes(countries).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList());
        segment.put(
                "languages",
                codes(languages).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        segment.put("types", types == null ? List.of() : types);
        segment.put("tags", codes(tags));
        try {
            services.post(Service.DISTRIBUTION, "/api/contact-lists/" + id + "/segments", segment);
            redirect.addFlashAttribute("notice", "segments.saved");
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
            redirect.addFlashAttribute(
                    "segmentForm", Map.of("name", name, "countries", countries, "languages", languages, "tags", tags));
        }
        return "redirect:/lists/" + id + "#segments";
    }

    private void refused(ServiceProblem problem, RedirectAttributes redirect) {
        if (problem.status() == 401) {
            throw problem;
        }
        redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
    }

    private static List<String> codes(String text) {
        return Arrays.stream(text.split("[,;\\s]+"))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .toList();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
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
            contact.put("country", country.strip().toUpperCase(Locale.ROOT));
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
