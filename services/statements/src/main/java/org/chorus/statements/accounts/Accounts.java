package org.chorus.statements.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coordinator accounts: password plus TOTP for the console, personal bearer tokens for the API. */
@Service
class Accounts {
    static final String ISSUER = "Chorus";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CoordinatorRepository coordinators;
    private final PasswordEncoder passwords;
    private final Clock clock;
    // compared against when the address is unknown, so both cases take as long
    private final String dummyHash;

    static final int MAX_WRONG_CODES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Map<UUID, Deque<Instant>> wrongCodes = new ConcurrentHashMap<>();
    private final TotpSecrets secrets;
    private final LoginThrottle throttle;
    private final Coalitions coalitions;

    Accounts(
            CoordinatorRepository coordinators,
            PasswordEncoder passwords,
            Clock clock,
            TotpSecrets secrets,
            LoginThrottle throttle,
            Coalitions coalitions) {
        this.coalitions = coalitions;
        this.secrets = secrets;
        this.throttle = throttle;
        this.coordinators = coordinators;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record Enrolment(UUID id, String email, String totpSecret, String otpauthUri) {}

    @Transactional
    Enrolment create(String email, String password, String language, String totpSecret) {
        String address = normalise(email);
        String secret = totpSecret == null ? Totp.newSecret() : totpSecret;
        Coordinator coordinator = new Coordinator(
                UUID.randomUUID(),
                address,
                passwords.encode(password),
                secrets.seal(secret),
                language,
                null,
                clock.instant(),
                false);
        if (!coordinators.insert(coordinator)) {
            throw Problems.conflict("A coordinator account with this e-mail address already exists.");
        }
        coalitions.personal(coordinator.id(), address);
        return new Enrolment(coordinator.id(), address, secret, Totp.otpauthUri(ISSUER, address, secret));
    }

    /**
     * The first factor; empty when the address or the password is wrong (without saying which). Throws
     * {@link LoginThrottled}, without checking, while the address or the client has too many recent failures.
     */
    @Transactional(readOnly = true)
    Optional<UUID> checkPassword(String email, String password, String client) {
        LoginThrottle.Attempt attempt = throttle.attempt(email, client);
        Optional<Coordinator> coordinator = coordinators.byEmail(normalise(email));
        boolean matches = passwords.matches(
                password == null ? "" : password,
                coordinator.map(Coordinator::passwordHash).orElse(dummyHash));
        if (matches && coordinator.isPresent()) {
            throttle.succeeded(attempt);
            return coordinator.map(Coordinator::id);
        }
        return Optional.empty();
    }

    /**
     * The second factor, after the first. Each code is accepted once, so an overheard code cannot be replayed; after
     * {@link #MAX_WRONG_CODES} wrong codes within {@link #LOCKOUT} no code is accepted until the window has passed, so
     * six digits cannot be guessed by trying.
     */
    @Transactional
    Optional<CurrentCoordinator> checkCode(UUID coordinatorId, String code) {
        Instant now = clock.instant();
        Deque<Instant> wrong = wrongCodes.computeIfAbsent(coordinatorId, id -> new ArrayDeque<>());
        synchronized (wrong) {
            wrong.removeIf(at -> at.isBefore(now.minus(LOCKOUT)));
            if (wrong.size() >= MAX_WRONG_CODES) {
                return Optional.empty();
            }
            Optional<CurrentCoordinator> accepted = coordinators
                    .byId(coordinatorId)
                    .filter(coordinator -> Totp.matchingStep(secrets.open(coordinator.totpSecret()), code, now).stream()
                            .anyMatch(step -> coordinators.useTotpStep(coordinator.id(), step)))
                    .map(Coordinator::current);
            if (accepted.isEmpty()) {
                wrong.addLast(now);
            }
            return accepted;
        }
    }

    /**
     * Password and code in one step. While password-only attempts for this address or from this client are throttled,
     * the two together are still checked (on the client's own budget for such tries, {@link LoginThrottle#bothFactors}):
     * the rightful coordinator gets in during a guessing attack, and a guesser without the code learns nothing, as
     * every failure then answers {@link LoginThrottled} alike.
     */
    @Transactional
    Optional<CurrentCoordinator> checkBothFactors(String email, String password, String code, String client) {
        try {
            return checkPassword(email, password, client).flatMap(id -> checkCode(id, code));
        } catch (LoginThrottled throttled) {
            LoginThrottle.Attempt attempt = throttle.bothFactors(email, client, throttled);
            Optional<Coordinator> coordinator = coordinators.byEmail(normalise(email));
            boolean matches = passwords.matches(
                    password == null ? "" : password,
                    coordinator.map(Coordinator::passwordHash).orElse(dummyHash));
            Optional<CurrentCoordinator> in = matches && coordinator.isPresent()
                    ? checkCode(coordinator.get().id(), code)
                    : Optional.empty();
            if (in.isEmpty()) {
                throw throttled;
            }
            throttle.succeeded(attempt);
            return in;
        }
    }

    /** Both factors at once, to obtain an API token without the console. */
    @Transactional
    Optional<String> issueToken(
            String email, String password, String code, String name, Integer expiresInDays, String client) {
        return checkBothFactors(email, password, code, client)
                .map(coordinator -> newToken(coordinator.id(), name, expiresInDays));
    }

    /** The coordinator with this id, as signed in; empty when there is none. */
    @Transactional(readOnly = true)
    Optional<CurrentCoordinator> current(UUID coordinatorId) {
        return coordinators.byId(coordinatorId).map(Coordinator::current);
    }

    /** A personal token, shown once; it expires after {@code expiresInDays} or, when that is null, never. */
    @Transactional
    String newToken(UUID coordinatorId, String name, Integer expiresInDays) {
        name = HumanText.singleLine("name", name, 100);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "chorus_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        coordinators.insertToken(
                hash(token),
                coordinatorId,
                name,
                now,
                expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)));
        return token;
    }

    @Transactional(readOnly = true)
    List<ApiToken> tokens(UUID coordinatorId) {
        return coordinators.tokensOf(coordinatorId);
    }

    /** Revokes one of the coordinator's own tokens at once; 404 for an unknown id or another coordinator's token. */
    @Transactional
    void revoke(UUID coordinatorId, UUID tokenId) {
        if (!coordinators.deleteToken(coordinatorId, tokenId)) {
            throw Problems.notFound("You have no token with this id; it may be revoked already.");
        }
    }

    /** A token for the coordinator's browser session: it opens the other services' consoles until it expires. */
    @Transactional
    String newSessionToken(UUID coordinatorId, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token =
                "chorus_session_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        coordinators.insertSessionToken(hash(token), coordinatorId, now, now.plus(lifetime));
        return token;
    }

    @Transactional
    void revoke(String token) {
        coordinators.deleteToken(hash(token));
    }

    /** The token's coordinator while the token exists and has not expired; notes when it was last used. */
    @Transactional
    Optional<CurrentCoordinator> byToken(String token) {
        String hash = hash(token);
        Optional<CurrentCoordinator> coordinator =
                coordinators.byTokenHash(hash).map(Coordinator::current);
        coordinator.ifPresent(c -> coordinators.touchToken(hash, clock.instant()));
        return coordinator;
    }

    /** Creates the configured coordinator and token if absent; does nothing when they exist. */
    @Transactional
    boolean bootstrap(String email, String password, String totpSecret, String apiToken) {
        boolean created = false;
        Coordinator coordinator = coordinators.byEmail(normalise(email)).orElse(null);
        if (coordinator == null) {
            create(email, password, "en", totpSecret);
            coordinator = coordinators.byEmail(normalise(email)).orElseThrow();
            created = true;
        }
        coordinators.setAdmin(coordinator.id(), true);
        if (apiToken != null && !apiToken.isBlank()) {
            coordinators.insertToken(hash(apiToken), coordinator.id(), "bootstrap", clock.instant(), null);
        }
        return created;
    }

    /** An administrator grants or takes back the administrator flag; nobody takes away their own (so one remains). */
    @Transactional
    void setAdmin(CurrentCoordinator by, UUID coordinatorId, boolean admin) {
        if (!by.admin()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Only an administrator can make someone an administrator.");
        }
        if (by.id().equals(coordinatorId) && !admin) {
            throw Problems.conflict("You cannot take away your own administrator flag; ask another administrator.");
        }
        if (!coordinators.setAdmin(coordinatorId, admin)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "No such coordinator.");
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
