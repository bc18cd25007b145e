package org.chorus.tracking.console;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.tracking.counts.Counts;
import org.chorus.tracking.counts.StatementCounts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
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

    ConsolePages(DashboardRenderer renderer, LiveUpdates live, Counts counts, MessageSource messages) {
        this.renderer = renderer;
        this.live = live;
        this.counts = counts;
        this.messages = messages;
    }

    /** Every tracked statement with its total, each linking to its dashboard. */
    @GetMapping("/console/statements")
    ModelAndView statements() {
        return new ModelAndView("tracking/statements", Map.of("statements", counts.all()), HttpStatus.OK);
    }

    @GetMapping("/console/statements/{id}")
    ModelAndView dashboard(@PathVariable String id, Locale locale) {
        Optional<UUID> statementId = uuid(id);
        if (statementId.isEmpty()) {
            return message(messages.getMessage("message.notAStatement", null, locale), HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> model = renderer.model(statementId.get());
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
    SseEmitter liveUpdates(@PathVariable UUID id, Locale locale) {
        return live.subscribe(id, locale);
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
