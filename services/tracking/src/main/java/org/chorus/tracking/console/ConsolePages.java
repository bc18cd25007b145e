package org.chorus.tracking.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.chorus.platform.web.CoordinatorGate;
import org.chorus.tracking.counts.Counts;
import org.chorus.tracking.counts.StatementCounts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The coordinator's live dashboard of one statement. Fully readable without JavaScript; with it, /console/live.js
 * subscribes to the statement's server-sent events and replaces the live part as events are applied.
 */
@Controller
class ConsolePages {
    private final DashboardRenderer renderer;
    private final LiveUpdates live;
    private final Counts counts;
    private final MessageSource messages;
    private final CoordinatorGate gate;

    ConsolePages(
            DashboardRenderer renderer, LiveUpdates live, Counts counts, MessageSource messages, CoordinatorGate gate) {
        this.renderer = renderer;
        this.live = live;
        this.counts = counts;
        this.messages = messages;
        this.gate = gate;
    }

    /** The tracked statements the coordinator has a role on, with their totals, each linking to its dashboard. */
    @GetMapping("/console/statements")
    ModelAndView statements(HttpServletRequest request) {
        Predicate<UUID> readable = gate.statementsReadableBy(request);
        return new ModelAndView(
                "tracking/statements",
                Map.of(
                        "statements",
                        counts.all().stream()
                                .filter(statement -> readable.test(statement.statementId()))
                                .toList()),
                HttpStatus.OK);
    }

    @GetMapping("/console/statements/{id}")
    ModelAndView dashboard(@PathVariable String id, Locale locale) {
        Optional<UUID> statementId = uuid(id);
        if (statementId.isEmpty()) {
            return message(messages.getMessage("message.notAStatement", null, locale), HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> model = renderer.model(statementId.get(), locale);
        StatementCounts found = (StatementCounts) model.get("counts");
        ModelAndView page =
                new ModelAndView("tracking/dashboard", model, found == null ? HttpStatus.NOT_FOUND : HttpStatus.OK);
        Counts.Period period = Counts.Period.HOUR;
        var buckets = found == null ? java.util.List.<Counts.Bucket>of() : counts.timeline(statementId.get(), period);
        if (buckets.size() > 72) {
            period = Counts.Period.DAY;
            buckets = counts.timeline(statementId.get(), period);
        }
        page.addObject("chart", SignOnChart.of(buckets, period));
        page.addObject(
                "title",
                found == null || found.title() == null
                        ? messages.getMessage("dashboard.statement", new Object[] {statementId.get()}, locale)
                        : found.title());
        return page;
    }

    @GetMapping(path = "/console/statements/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter liveUpdates(@PathVariable UUID id, Locale locale, HttpServletRequest request) {
        return live.subscribe(id, locale, gate.whileAllowedToRead(request, id));
    }

    /** The gate's refusal (unknown caller, statements service down) as a page in the coordinator's language. */
    @ExceptionHandler(CoordinatorGate.Refusal.class)
    ModelAndView refused(CoordinatorGate.Refusal refusal, Locale locale) {
        int status = refusal.status();
        String key = "message.refused." + (status == 401 || status == 403 || status == 404 ? status : 503);
        return message(messages.getMessage(key, null, locale), HttpStatus.valueOf(status));
    }

    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ModelAndView message(String text, HttpStatus status) {
        return new ModelAndView("tracking/message", Map.of("message", text), status);
    }
}
