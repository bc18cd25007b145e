package org.chorus.console.signon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-on dashboard (tracking's counts), the signatories with a filter, and their exports (from signatures). */
@Controller
class SignOnPages {
    private final Services services;

    SignOnPages(Services services) {
        this.services = services;
    }

    record CountryCount(String code, String name, long count) {}

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/dashboard")
    String dashboard(@PathVariable String id, Model model) {
        Map<?, ?> statement = (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
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
        model.addAttribute("statement", statement);
        model.addAttribute("counts", counts);
        model.addAttribute("confirmed", counts == null ? 0 : number(counts.get("confirmed")));
        model.addAttribute("countries", countries);
        model.addAttribute("tab", "dashboard");
        return "dashboard";
    }

    @GetMapping("/statements/{id:[0-9a-fA-F-]{36}}/signatories")
    String signatories(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status,
            Model model) {
        Map<?, ?> statement = (Map<?, ?>) services.get(Service.STATEMENTS, "/api/statements/" + id);
        List<?> all = List.of();
        try {
            all = (List<?>) services.get(Service.SIGNATURES, "/api/statements/" + id + "/signatures");
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        Locale page = LocaleContextHolder.getLocale();
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Object entry : all) {
            Map<?, ?> signature = (Map<?, ?>) entry;
            String name = String.valueOf(signature.get("name"));
            if (!needle.isEmpty() && !name.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            if (!status.isEmpty() && !status.equals(signature.get("status"))) {
                continue;
            }
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            signature.forEach((key, value) -> row.put(String.valueOf(key), value));
            row.put(
                    "countryName",
                    signature.get("country") == null ? "" : country((String) signature.get("country"), page));
            shown.add(row);
        }
        model.addAttribute("statement", statement);
        model.addAttribute("signatures", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("tab", "signatories");
        return "signatories";
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
        if (code == null || code.equals("none")) {
            return "—";
        }
        String name = new Locale("", code).getDisplayCountry(page);
        return name.isBlank() ? code : name;
    }

    static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
