package org.chorus.console.web;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A service's refusal in the coordinator's language: by its message code if it sent one, else by its status. */
@Component
public class ProblemMessages {
    private static final Set<Integer> KNOWN = Set.of(400, 401, 403, 404, 409, 422, 429, 503);

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(ServiceProblem problem, Locale locale) {
        String text = null;
        if (problem.code() != null) {
            text = messages.getMessage("problem.code." + problem.code(), null, null, locale);
        }
        if (text == null) {
            int status = problem.status();
            int known = KNOWN.contains(status) ? status : status >= 500 ? 503 : 400;
            text = messages.getMessage("problem.status." + known, null, locale);
        }
        if (!problem.fields().isEmpty()) {
            String fields = problem.fields().stream()
                    .distinct()
                    .map(field -> messages.getMessage("field." + field, null, field, locale))
                    .collect(Collectors.joining(", "));
            text = text + " " + messages.getMessage("problem.fields", new Object[] {fields}, locale);
        }
        return text;
    }
}
