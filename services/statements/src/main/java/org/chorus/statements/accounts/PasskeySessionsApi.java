package org.chorus.statements.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A console session for a coordinator who signed in with a passkey: the console, which keeps the passkeys and checks
 * their signatures (Spring Security WebAuthn), asks for the coordinator's session token with its own key
 * ({@code chorus.passkeys.console-key}, header {@value #HEADER}). Without a configured key the door stays shut; a wrong
 * key or an unknown coordinator answers 401 alike.
 */
@RestController
class PasskeySessionsApi {
    static final String HEADER = "X-Chorus-Console-Key";

    private final Accounts accounts;
    private final PasskeySessions settings;
    private final Clock clock;
    private final Duration lifetime;

    PasskeySessionsApi(
            Accounts accounts,
            PasskeySessions settings,
            Clock clock,
            @Value("${chorus.console.token-lifetime:8h}") Duration lifetime) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record PasskeySignIn(@NotNull UUID coordinatorId) {}

    @PostMapping("/api/sessions/passkey")
    ResponseEntity<SessionsApi.Session> signIn(
            @RequestHeader(name = HEADER, required = false) String key, @Valid @RequestBody PasskeySignIn request) {
        if (!settings.accepts(key)) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "Only the console opens sessions for passkeys.");
        }
        CurrentCoordinator coordinator = accounts.current(request.coordinatorId())
                .orElseThrow(
                        () -> Problems.of(HttpStatus.UNAUTHORIZED, "Only the console opens sessions for passkeys."));
        Instant expiresAt = clock.instant().plus(lifetime);
        String token = accounts.newSessionToken(coordinator.id(), lifetime);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SessionsApi.Session(token, expiresAt, coordinator));
    }

    /** Constant-time comparison, so the key cannot be found a character at a time. */
    static boolean same(String configured, String presented) {
        return MessageDigest.isEqual(
                configured.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
