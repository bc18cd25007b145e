package org.chorus.console.signin;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in coordinator, kept in the server-side session: their session token for the services' APIs never leaves
 * the console (no cookie, no page carries it).
 */
public record Coordinator(UUID id, String email, String language, boolean admin, String token, Instant expiresAt)
        implements Serializable, AuthenticatedPrincipal {

    /** The coordinator's id: it names their passkeys' WebAuthn user (see {@link Passkeys}). */
    @Override
    public String getName() {
        return id.toString();
    }

    /** Neither the token nor the e-mail address: logs name coordinators by id only. */
    @Override
    public String toString() {
        return "Coordinator " + id;
    }
}
