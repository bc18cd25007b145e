package org.chorus.console.signon;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chorus.console.ServiceUrls;
import org.chorus.console.web.ConsoleLocale;
import org.chorus.console.web.CoordinatorZone;
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
 * The sharing panel: the public sign-on link in each language the statement has, invitations one by one or from a
 * CSV file (checked by signatures first: a validation report, nothing sent while a row is wrong), the waves and how
 * far each invitee got (tracking's pipeline), and reminders: the scheduled ones, and one sent now to every invitee who
 * has not answered.
 */
@Controller
class SharingPages {
    private static final String ID = "/statements/{id:[0-9a-fA-F-]{36}}";

    private final Services services;
    private final ServiceUrls urls;
    private final ProblemMessages problems;
    private final MessageSource messages;

    SharingPages(Services services, ServiceUrls urls, ProblemMessages problems, MessageSource messages) {
        this.services = services;
        this.urls = urls;
        this.problems = problems;
        this.messages = messages;
    }

    /** {@code ready}: signers read this language's text (the original, or a final translation not made stale). */
    record Link(String language, String languageName, String url, boolean ready) {}

    record Planned(String organisation, long reminded, String last, String next) {}

    @GetMapping(ID + "/sharing")
    String sharing(@PathVariable String id, HttpServletRequest request, Model model) {
        Map<?, ?> statement = (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
        List<String> languages = new ArrayList<>();
        Set<String> ready = new HashSet<>();
        languages.add((String) statement.get("language"));
        ready.add((String) statement.get("language"));
        for (Object entry : (List<?>) services.get(Service.STATEMENTS, "/api/statements/" + id + "/translations")) {
            Map<?, ?> translation = (Map<?, ?>) entry;
            String language = (String) translation.get("language");
            if (!languages.contains(language)) {
                languages.add(language);
            }
            if ("FINAL".equals(translation.get("status")) && !Boolean.TRUE.equals(translation.get("stale"))) {
                ready.add(language);
            }
        }
        Locale page = LocaleContextHolder.getLocale();
        model.addAttribute(
                "links",
                languages.stream()
                        .map(language -> new Link(
                                language,
                                Locale.forLanguageTag(language).getDisplayLanguage(page),
                                urls.signOnLink(id, language),
                                ready.contains(language)))
                        .toList());
        String statementZone = statement.get("schedule") instanceof Map<?, ?> schedule
                        && schedule.get("timeZone") instanceof String name
                ? name
                : null;
        CoordinatorZone zone = CoordinatorZone.of(request, statementZone, page);
        model.addAttribute("times", zone);
        Map<?, ?> pipeline =
                orNull(() -> (Map<?, ?>) services.get(Service.TRACKING, "/api/statements/" + id + "/pipeline"));
        Map<?, ?> plan =
                orNull(() -> (Map<?, ?>) services.get(Service.TRACKING, "/api/statements/" + id + "/reminders"));
        List<Planned> planned = new ArrayList<>();
        if (plan != null && plan.get("invitees") instanceof List<?> invitees) {
            for (Object entry : invitees) {
                Map<?, ?> invitee = (Map<?, ?>) entry;
                planned.add(new Planned(
                        String.valueOf(invitee.get("organisation")),
                        SignOnPages.number(invitee.get("reminded")),
                        zone.named(invitee.get("last")),
                        zone.named(invitee.get("next"))));
            }
        }
        model.addAttribute("statement", statement);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("plan", plan);
        model.addAttribute("intervalHours", plan == null ? 0 : hours(plan.get("interval")));
        model.addAttribute("planned", planned);
        model.addAttribute("inviteLanguages", ConsoleLocale.LANGUAGES);
        model.addAttribute("tab", "sharing");
        return "sharing";
    }

    /** One invitee: a wave of one. What was typed comes back with a refusal. */
    @PostMapping(ID + "/invitations")
    String inviteOne(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String language,
            RedirectAttributes redirect) {
        Map<String, Object> invitee = new LinkedHashMap<>();
        invitee.put("organisation", organisation);
        invitee.put("email", email.strip());
        if (!country.isBlank()) {
            invitee.put("country", country.strip().toUpperCase(Locale.ROOT));
        }
        if (!language.isBlank()) {
            invitee.put("language", language);
        }
        try {
            Map<?, ?> wave = (Map<?, ?>) services.post(
                    Service.SIGNATURES,
                    "/api/statements/" + id + "/invitations",
                    Map.of("invitations", List.of(invitee)));
            notice(redirect, "invitations.sentOne", organisation.strip(), wave.get("wave"));
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
            redirect.addFlashAttribute(
                    "invitee",
                    Map.of("organisation", organisation, "email", email, "country", country, "language", language));
        }
        return "redirect:/statements/" + id + "/sharing#invite";
    }

    /**
     * A CSV file (uploaded, or pasted in the box): {@code check} shows the validation report; {@code send} sends the
     * wave when every row is right, and shows the report otherwise. The file's text stays in the box either way.
     */
    @PostMapping(ID + "/invitations/csv")
    String inviteFromCsv(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String csv,
            @RequestParam(defaultValue = "check") String action,
            RedirectAttributes redirect)
            throws IOException {
        String text = csv;
        if (file != null && !file.isEmpty()) {
            text = new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("\uFEFF", "");
        String path = "/api/statements/" + id + "/invitations";
        try {
            Map<?, ?> report =
                    (Map<?, ?>) services.postText(Service.SIGNATURES, path + "?dryRun=true", "text/csv", text);
            List<?> errors = (List<?>) report.get("errors");
            if (action.equals("send") && errors.isEmpty() && SignOnPages.number(report.get("valid")) > 0) {
                Map<?, ?> sent = (Map<?, ?>) services.postText(Service.SIGNATURES, path, "text/csv", text);
                notice(redirect, "invitations.sentWave", sent.get("invited"), sent.get("wave"));
                return "redirect:/statements/" + id + "/sharing#waves";
            }
            redirect.addFlashAttribute("report", ImportReport.of(report, messages));
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
        }
        redirect.addFlashAttribute("csv", text);
        return "redirect:/statements/" + id + "/sharing#csv";
    }

    @PostMapping(ID + "/reminders")
    String remindNow(@PathVariable String id, RedirectAttributes redirect) {
        try {
            Map<?, ?> answer =
                    (Map<?, ?>) services.post(Service.TRACKING, "/api/statements/" + id + "/reminders", Map.of());
            notice(redirect, "reminders.sent", answer.get("reminded"));
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
        }
        return "redirect:/statements/" + id + "/sharing#reminders";
    }

    private void notice(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("noticeText", messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }

    private void refused(ServiceProblem problem, RedirectAttributes redirect) {
        if (problem.status() == 401) {
            throw problem;
        }
        redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
    }

    private static long hours(Object duration) {
        try {
            return duration instanceof String text
                    ? java.time.Duration.parse(text).toHours()
                    : 0;
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    private static Map<?, ?> orNull(java.util.function.Supplier<Map<?, ?>> call) {
        try {
            return call.get();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }
}
