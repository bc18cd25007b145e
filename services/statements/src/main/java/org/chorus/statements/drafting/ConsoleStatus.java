package org.chorus.statements.drafting;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A console page shown again with the message of a refusal answers with the refusal's status, not 200. */
public final class ConsoleStatus {

    public static void of(ErrorResponseException refusal) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            request.getResponse().setStatus(refusal.getStatusCode().value());
        }
    }

    private ConsoleStatus() {}
}
