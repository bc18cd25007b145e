package org.chorus.statements.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.platform.web.ClientAddresses;
import org.chorus.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for the coordinator console ({@code services/console}): password and TOTP code in exchange for a short-lived
 * session token (expiring after {@code chorus.console.token-lifetime}, not in the personal token list), which the
 * console keeps in its server-side session and revokes at sign-out.
 */
@RestController
class SessionsApi {
    private static final String SESSION_PREFIX = "chorus_session_";

    private final Accounts accounts;
    private final ClientAddresses clientAddresses;
    private final Clock clock;
    private final Duration lifetime;

    SessionsApi(
            Accounts accounts,
            ClientAddresses clientAddresses,
            Clock clock,
            @Value("${chorus.console.token-lifetime:8h}") Duration lifetime) {
        this.accounts = accounts;
        this.clientAddresses = clientAddresses;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record SignIn(
            @NotBlank String email,
            @NotBlank String password,

            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code of your authenticator")
            String code) {}

    record Session(String token, Instant expiresAt, CurrentCoordinator coordinator) {}

    @PostMapping("/api/sessions")
    ResponseEntity<Session> signIn(@Valid @RequestBody SignIn request, HttpServletRequest http) {
        // both factors in one step, as POST /api/tokens: a rightful coordinator gets in during a guessing attack
        CurrentCoordinator coordinator = accounts.checkBothFactors(
                        request.email(), request.password(), request.code(), clientAddresses.of(http))
                .orElseThrow(() ->
                        Problems.of(HttpStatus.UNAUTHORIZED, "The e-mail address, password or code is not right."));
        Instant expiresAt = clock.instant().plus(lifetime);
        String token = accounts.newSessionToken(coordinator.id(), lifetime);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Session(token, expiresAt, coordinator));
    }

    /** Ends the session whose token is presented; personal tokens are revoked under {@code /api/tokens} instead. */
    @DeleteMapping("/api/sessions/current")
    ResponseEntity<Void> signOut(@RequestHeader("Authorization") String authorization) {
        String token = authorization.substring("Bearer ".length()).strip();
        if (!token.startsWith(SESSION_PREFIX)) {
            throw Problems.badRequest("This is a personal token; revoke it with DELETE /api/tokens/{id}.");
        }
        accounts.revoke(token);
        return ResponseEntity.noContent().build();
    }
}
