package org.chorus.console.signin;

import org.springframework.security.core.AuthenticationException;

/** Why the statements service refused a sign-in: {@code wrong}, {@code throttled} (with minutes) or {@code unavailable}. */
class SignInRefused extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long minutes;

    SignInRefused(String reason, long minutes) {
        super(reason);
        this.reason = reason;
        this.minutes = minutes;
    }

    String reason() {
        return reason;
    }

    long minutes() {
        return minutes;
    }
}
