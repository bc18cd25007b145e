package org.chorus.statements.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds password guessing: after {@code max-failures-per-account} wrong passwords for one e-mail address, or
 * {@code max-failures-per-client} from one client address, within {@code window}, further attempts are refused
 * without checking the password until the oldest failure has left the window. Unknown addresses count exactly like
 * known ones, so a refusal says nothing about whether an account exists. Addresses and e-mail addresses are kept only
 * as HMAC-SHA256 under a key drawn at startup, in memory, and never logged.
 */
@Component
class LoginThrottle {
    /** Beyond this many keys, keys without a failure in the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxPerAccount;
    private final int maxPerClient;
    private final Duration window;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(
            @Value("${chorus.accounts.login.max-failures-per-account:10}") int maxPerAccount,
            @Value("${chorus.accounts.login.max-failures-per-client:30}") int maxPerClient,
            @Value("${chorus.accounts.login.window:15m}") Duration window,
            Clock clock) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerClient = maxPerClient;
        this.window = window;
        this.clock = clock;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** How long until this e-mail address may be tried again from this client; empty when it may be now. */
    Optional<Duration> refusal(String email, String client) {
        Instant now = clock.instant();
        Optional<Instant> account = freeAt(accountKey(email), maxPerAccount, now);
        Optional<Instant> fromClient = freeAt(clientKey(client), maxPerClient, now);
        return Stream.of(account, fromClient)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(at -> Duration.between(now, at));
    }

    void failed(String email, String client) {
        Instant now = clock.instant();
        record(accountKey(email), now);
        record(clientKey(client), now);
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    /** The right password forgets the account's failures (not the client's: one account must not unlock guessing). */
    void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    private Optional<Instant> freeAt(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            // the attempt is allowed again once enough failures have left the window
            return Optional.of(times.stream()
                    .skip(times.size() - max)
                    .findFirst()
                    .orElseThrow()
                    .plus(window));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
    }

    private String accountKey(String email) {
        return "a:" + hmac(Accounts.normalise(email));
    }

    private String clientKey(String client) {
        return "c:" + hmac(client == null ? "" : client);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
