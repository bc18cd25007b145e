package org.chorus.console.releases;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.console.web.CoordinatorZone;
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
 * A statement's release: choose a list or one of its segments, preview exactly what a chosen recipient receives, send
 * a test copy to oneself, send now or at the embargo (the statement's, or a time chosen here), and watch the progress
 * until the release is SENT; a release HELD after a missed embargo is sent or cancelled here.
 */
@Controller
class ReleasePages {
    private static final String UUID = "[0-9a-fA-F-]{36}";

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
            @RequestParam(required = false) String segment,
            @RequestParam(required = false) String contact,
            HttpServletRequest request,
            Model model) {
        Map<?, ?> statement = (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
        model.addAttribute("statement", statement);
        model.addAttribute("lists", services.get(Service.DISTRIBUTION, "/api/contact-lists"));
        model.addAttribute("tab", "release");
        model.addAttribute("me", Services.coordinator());
        Map<?, ?> schedule = statement.get("schedule") instanceof Map<?, ?> s ? s : Map.of();
        // times shown, and the time typed for "at", in the coordinator's zone (their browser's, else the statement's)
        CoordinatorZone zone = CoordinatorZone.of(
                request, schedule.get("timeZone") instanceof String z ? z : null, LocaleContextHolder.getLocale());
        model.addAttribute("times", zone);
        model.addAttribute("timeZone", zone.id());
        // the statement's embargo while it is ahead: "send at the embargo" is the first choice; once passed, "now"
        Object embargoUntil = schedule.get("embargoUntil");
        boolean ahead = embargoUntil instanceof String until
                && !until.isBlank()
                && java.time.Instant.parse(until).isAfter(java.time.Instant.now());
        model.addAttribute("embargo", ahead ? zone.named(embargoUntil) : "");
        if (list != null && list.matches(UUID)) {
            Map<?, ?> chosen = (Map<?, ?>) services.get(Service.DISTRIBUTION, "/api/contact-lists/" + list);
            model.addAttribute("list", chosen);
            model.addAttribute(
                    "segments", services.get(Service.DISTRIBUTION, "/api/contact-lists/" + list + "/segments"));
            List<?> audience = (List<?>) chosen.get("contacts");
            if (segment != null && segment.matches(UUID)) {
                audience = (List<?>) services.get(
                        Service.DISTRIBUTION, "/api/contact-lists/" + list + "/segments/" + segment + "/contacts");
                model.addAttribute("segment", segment);
            }
            model.addAttribute("audience", audience);
            String previewed = contact != null
                            && contact.matches(UUID)
                            && audience.stream().anyMatch(c -> contact.equals(((Map<?, ?>) c).get("id")))
                    ? contact
                    : audience.isEmpty() ? null : (String) ((Map<?, ?>) audience.get(0)).get("id");
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
            @RequestParam(defaultValue = "") String segment,
            @RequestParam(defaultValue = "") String contact,
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
            refused(problem, redirect);
        }
        return back(id, list, segment, contact, redirect);
    }

    /** {@code when}: {@code now} (at the statement's embargo if it is ahead), or {@code at} the time given. */
    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/release")
    String send(
            @PathVariable String id,
            @RequestParam String list,
            @RequestParam(defaultValue = "") String segment,
            @RequestParam(defaultValue = "now") String when,
            @RequestParam(defaultValue = "") String at,
            @RequestParam(defaultValue = "UTC") String timeZone,
            RedirectAttributes redirect) {
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("statementId", id);
        release.put("contactListId", list);
        if (segment.matches(UUID)) {
            release.put("segmentId", segment);
        }
        if (when.equals("at")) {
            try {
                release.put(
                        "embargoUntil",
                        LocalDateTime.parse(at)
                                .atZone(ZoneId.of(timeZone))
                                .toInstant()
                                .toString());
            } catch (DateTimeException e) {
                refused(new ServiceProblem(400, null, List.of("embargoUntil")), redirect);
                return back(id, list, segment, "", redirect);
            }
        }
        try {
            Map<?, ?> created = (Map<?, ?>) services.post(Service.DISTRIBUTION, "/api/releases", release);
            return "redirect:/releases/" + created.get("id");
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
            return back(id, list, segment, "", redirect);
        }
    }

    @GetMapping("/releases")
    String releases(Model model) {
        model.addAttribute("releases", services.get(Service.DISTRIBUTION, "/api/releases"));
        return "releases";
    }

    @GetMapping("/releases/{id:[0-9a-fA-F-]{36}}")
    String progress(@PathVariable String id, Model model) {
        // "times" (PageDefaults): the coordinator's browser zone, in the console's language
        Map<?, ?> release = (Map<?, ?>) services.get(Service.DISTRIBUTION, "/api/releases/" + id);
        model.addAttribute("release", release);
        Object state = release.get("state");
        model.addAttribute(
                "finished",
                "SENT".equals(state)
                        || "CANCELLED".equals(state)
                        || "HELD".equals(state)
                        || release.get("stoppedAt") != null);
        model.addAttribute("me", Services.coordinator());
        return "release-progress";
    }

    /** A HELD release: send it after all, or cancel it. */
    @PostMapping("/releases/{id:[0-9a-fA-F-]{36}}/decision")
    String decide(
            @PathVariable String id, @RequestParam(defaultValue = "") String decision, RedirectAttributes redirect) {
        try {
            services.post(
                    Service.DISTRIBUTION,
                    "/api/releases/" + id + "/decision",
                    Map.of(
                            "decision",
                            decision,
                            "decidedBy",
                            Services.coordinator().email()));
        } catch (ServiceProblem problem) {
            refused(problem, redirect);
        }
        return "redirect:/releases/" + id;
    }

    private void refused(ServiceProblem problem, RedirectAttributes redirect) {
        if (problem.status() == 401) {
            throw problem;
        }
        redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
    }

    private static String back(String id, String list, String segment, String contact, RedirectAttributes redirect) {
        redirect.addAttribute("list", list);
        if (segment.matches(UUID)) {
            redirect.addAttribute("segment", segment);
        }
        if (contact.matches(UUID)) {
            redirect.addAttribute("contact", contact);
        }
        return "redirect:/statements/" + id + "/release";
    }
}
