package org.chorus.tracking.console;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.chorus.platform.language.Languages;
import org.chorus.tracking.counts.Counts;
import org.chorus.tracking.counts.StatementCounts;
import org.chorus.tracking.pipeline.Pipeline;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** What the dashboard shows about one statement, for the whole page and for its live part alone. */
@Component
class DashboardRenderer {
    static final String LIVE_TEMPLATE = "tracking/live";

    private final Counts counts;
    private final Pipeline pipeline;
    private final ITemplateEngine templates;

    DashboardRenderer(Counts counts, Pipeline pipeline, ITemplateEngine templates) {
        this.counts = counts;
        this.pipeline = pipeline;
        this.templates = templates;
    }

    /**
     * The model; {@code counts} is null when nothing about the statement was seen yet; {@code moments} writes times
     * for a reader of {@code locale} in the statement's time zone.
     */
    Map<String, Object> model(UUID statementId, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("statementId", statementId);
        StatementCounts found = null;
        try {
            found = counts.of(statementId);
        } catch (ErrorResponseException notTracked) {
            // shown as "nothing yet"
        }
        model.put("counts", found);
        model.put(
                "moments",
                new Languages.Moments(
                        locale.getLanguage(),
                        found == null || found.schedule() == null
                                ? null
                                : found.schedule().timeZone()));
        model.put("pipeline", pipeline.of(statementId));
        return model;
    }

    /** The live part of the page in one language, as HTML, for a server-sent event. */
    String live(UUID statementId, Locale locale) {
        return templates.process(LIVE_TEMPLATE, Set.of("live"), new Context(locale, model(statementId, locale)));
    }
}
