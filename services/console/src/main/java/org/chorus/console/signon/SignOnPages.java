package org.chorus.console.signon;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.chorus.console.web.CountryNames;
import org.chorus.console.web.ProblemMessages;
import org.chorus.console.web.ServiceProblem;
import org.chorus.console.web.Services;
import org.chorus.console.web.Services.Service;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-on dashboard (tracking's counts, kept live by the page's script), the signatories with filters and
 * moderation, and their exports (from signatures).
 */
@Controller
class SignOnPages {
    private final Services services;
    private final ProblemMessages problems;

    SignOnPages(Services services, ProblemMessages problems) {
        this.services = services;
        this.problems = problems;
    }

    record CountryCount(String code, String name, long count) {}

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/dashboard")
    String dashboard(@PathVariable String id, Model model) {
        model.addAttribute("statement", services.get(Service.STATEMENTS, "/api/statements/" + id));
        counts(id, model);
        model.addAttribute("tab", "dashboard");
        return "dashboard";
    }

    /** The live part of the dashboard alone: the page's script fetches it every few seconds and puts it in place. */
    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/dashboard/live")
    String liveCounts(@PathVariable String id, Model model) {
        model.addAttribute("statement", Map.of("id", id));
        counts(id, model);
        return "dashboard :: live";
    }

    private void counts(String id, Model model) {
        Map<?, ?> counts = null;
        try {
            counts = (Map<?, ?>) services.get(Service.TRACKING, "/api/statements/" + id + "/counts");
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            // tracking has not heard of the statement yet: nobody has signed
        }
        Locale page = LocaleContextHolder.getLocale();
        List<CountryCount> countries = new ArrayList<>();
        if (counts != null && counts.get("byCountry") instanceof Map<?, ?> byCountry) {
            byCountry.forEach((code, count) ->
                    countries.add(new CountryCount((String) code, country((String) code, page), number(count))));
        }
        countries.sort(Comparator.comparingLong(CountryCount::count).reversed().thenComparing(CountryCount::name));
        model.addAttribute("counts", counts);
        model.addAttribute("confirmed", counts == null ? 0 : number(counts.get("confirmed")));
        model.addAttribute("countries", countries);
    }

    /**
     * Every signature, filtered by name, status ({@code AWAITING}: waiting for a coordinator's approval), kind and
     * country; "Approve" and "Reject" appear only on signatures that wait for approval.
     */
    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/signatories")
    String signatories(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String country,
            HttpServletRequest request,
            Model model) {
        Map<?, ?> statement = (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
        List<?> all = List.of();
        Map<?, ?> settings = Map.of();
        try {
            all = (List<?>) services.get(Service.SIGNATURES, "/api/statements/" + id + "/signatures");
            settings = (Map<?, ?>) services.get(Service.SIGNATURES, "/api/statements/" + id + "/settings");
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        Locale page = LocaleContextHolder.getLocale();
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> shown = new ArrayList<>();
        Map<String, String> countries = new TreeMap<>();
        long awaiting = 0;
        for (Object entry : all) {
            Map<?, ?> signature = (Map<?, ?>) entry;
            String code = signature.get("country") instanceof String c ? c : null;
            if (code != null) {
                countries.put(code, country(code, page));
            }
            // confirmed after sign-on ended: never counted, so never among the confirmed nor waiting for approval
            boolean late = Boolean.TRUE.equals(signature.get("confirmedAfterSignOnEnded"))
                    && "CONFIRMED".equals(signature.get("status"));
            boolean waits = Boolean.TRUE.equals(signature.get("awaitingApproval")) && !late;
            awaiting += waits ? 1 : 0;
            String name = String.valueOf(signature.get("name"));
            if (!needle.isEmpty() && !name.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            boolean matches = switch (status) {
                case "" -> true;
                case "AWAITING" -> waits;
                case "AFTER_SIGN_ON_ENDED" -> late;
                case "CONFIRMED" -> !late && status.equals(signature.get("status"));
                default -> status.equals(signature.get("status"));
            };
            if (!matches) {
                continue;
            }
            if (!kind.isEmpty() && !kind.equals(signature.get("kind"))) {
                continue;
            }
            if (!country.isEmpty() && !country.equals(code)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            signature.forEach((key, value) -> row.put(String.valueOf(key), value));
            row.put("countryName", code == null ? "" : country(code, page));
            shown.add(row);
        }
        List<Map.Entry<String, String>> countryChoices = new ArrayList<>(countries.entrySet());
        countryChoices.sort(Map.Entry.comparingByValue());
        model.addAttribute("statement", statement);
        model.addAttribute("signatures", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("settings", settings);
        model.addAttribute("countryChoices", countryChoices);
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("country", country);
        model.addAttribute("tab", "signatories");
        return "signatories";
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/signatories/{signature:[0-9a-fA-F-]{36}}/approval")
    String approve(
            @PathVariable String id,
            @PathVariable String signature,
            @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return moderate(
                id,
                back,
                redirect,
                "moderation.approved",
                () -> services.post(
                        Service.SIGNATURES,
                        "/api/statements/" + id + "/signatures/" + signature + "/approval",
                        Map.of()));
    }

    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/signatories/{signature:[0-9a-fA-F-]{36}}/rejection")
    String reject(
            @PathVariable String id,
            @PathVariable String signature,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute(
                    "problem",
                    problems.describe(
                            new ServiceProblem(400, null, List.of("reason")), LocaleContextHolder.getLocale()));
            return "redirect:" + back(id, back);
        }
        return moderate(
                id,
                back,
                redirect,
                "moderation.rejected",
                () -> services.post(
                        Service.SIGNATURES,
                        "/api/statements/" + id + "/signatures/" + signature + "/rejection",
                        Map.of("reason", reason.strip())));
    }

    /** Moderation on or off: with it on, open-link signatures count only once approved here. */
    @PostMapping("/statements/{id:[0-9a-fA-F-]{36}}/signatories/settings")
    String settings(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean approvalRequired,
            RedirectAttributes redirect) {
        return moderate(
                id,
                "",
                redirect,
                "settings.saved",
                () -> services.put(
                        Service.SIGNATURES,
                        "/api/statements/" + id + "/settings",
                        Map.of("approvalRequired", approvalRequired)));
    }

    private String moderate(String id, String back, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.describe(problem, LocaleContextHolder.getLocale()));
        }
        return "redirect:" + back(id, back);
    }

    /** Back to the signatories with the filter the coordinator had (only a query string of this page is followed). */
    private static String back(String id, String back) {
        String path = "/statements/" + id + "/signatories";
        return back.matches("[A-Za-z0-9=&%._+-]*") && !back.isEmpty() ? path + "?" + back : path;
    }

    /** The exports, fetched with the coordinator's token and handed on: the browser never holds the token. */
    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/signatories.{format:txt|csv|pdf}")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @PathVariable String format,
            @RequestParam(defaultValue = "alphabetical") String order) {
        String sort = order.equals("time") ? "time" : "alphabetical";
        Services.Download file = services.download(
                Service.SIGNATURES, "/api/statements/" + id + "/signatories." + format + "?order=" + sort);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_TYPE,
                        file.contentType() == null ? "application/octet-stream" : file.contentType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        file.contentDisposition() == null
                                ? "attachment; filename=\"signatories." + format + "\""
                                : file.contentDisposition());
        return answer.body(file.body());
    }

    static String country(String code, Locale page) {
        return CountryNames.of(code, page);
    }

    static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
