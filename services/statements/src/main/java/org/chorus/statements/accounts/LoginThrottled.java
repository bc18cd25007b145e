package org.chorus.statements.accounts;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with Retry-After: too many wrong passwords for this account or from this client; the same for unknown ones. */
class LoginThrottled extends ErrorResponseException {
    private static final long serialVersionUID = 1L;

    private final long minutes;

    LoginThrottled(Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed attempts for this account or from this network. Try again in "
                                + minutes(retryAfter) + " minutes."),
                null);
        this.minutes = minutes(retryAfter);
        getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    long minutes() {
        return minutes;
    }

    private static long minutes(Duration retryAfter) {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
