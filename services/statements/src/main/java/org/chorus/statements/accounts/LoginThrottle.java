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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds password guessing: after {@code max-failures-per-account} wrong passwords for one e-mail address, or
 * {@code max-failures-per-client} from one client address, within {@code window}, a password alone is refused without
 * checking it until the oldest failure has left the window. The password together with a valid second-factor code in
 * one step still gets in ({@link #bothFactors}): a guesser cannot lock the rightful coordinator out. Each client may
 * try that {@code max-both-factor-tries-per-client} times within the window (it costs a password hash each time). Unknown addresses count exactly like
 * known ones, so a refusal says nothing about whether an account exists. Addresses and e-mail addresses are kept only
 * as HMAC-SHA256 under a key drawn at startup, in memory, and never logged.
 *
 * <p>An attempt is counted as a failure when it is admitted, in the same step as the check ({@link ConcurrentHashMap#compute} holds
 * the key while it runs), and the right password takes it back: so of many attempts at once at the limit, no more
 * than the limit get to try a password.
 */
@Component
class LoginThrottle {
    /** Beyond this many keys, keys without a failure in the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxPerAccount;
    private final int maxPerClient;
    private final int maxBothFactorTries;
    private final Duration window;
    private final Clock clock;
    private final SecretKeySpec key;
    /** Failure times per key, oldest first; each deque is only touched inside a compute of its own key. */
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(
            @Value("${chorus.accounts.login.max-failures-per-account:10}") int maxPerAccount,
            @Value("${chorus.accounts.login.max-failures-per-client:30}") int maxPerClient,
            @Value("${chorus.accounts.login.max-both-factor-tries-per-client:10}") int maxBothFactorTries,
            @Value("${chorus.accounts.login.window:15m}") Duration window,
            Clock clock) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerClient = maxPerClient;
        this.maxBothFactorTries = maxBothFactorTries;
        this.window = window;
        this.clock = clock;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** One admitted attempt, already counted as a failure of its account and client until {@link #succeeded}. */
    record Attempt(String accountKey, String clientKey, Instant at) {}

    /**
     * Admits one password attempt for this e-mail address from this client and counts it as a failure, or throws
     * {@link LoginThrottled} with how long until it may be tried again (counting nothing).
     */
    Attempt attempt(String email, String client) {
        Instant now = clock.instant();
        String account = accountKey(email);
        String fromClient = clientKey(client);
        Optional<Instant> accountFreeAt = admit(account, maxPerAccount, now);
        Optional<Instant> clientFreeAt = accountFreeAt.isPresent()
                ? freeAt(fromClient, maxPerClient, now)
                : admit(fromClient, maxPerClient, now);
        if (accountFreeAt.isEmpty() && clientFreeAt.isPresent()) {
            takeBack(account, now);
        }
        Optional<Instant> freeAt =
                Stream.of(accountFreeAt, clientFreeAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
        if (freeAt.isPresent()) {
            throw new LoginThrottled(Duration.between(now, freeAt.get()));
        }
        if (failures.size() > PRUNE_ABOVE) {
            for (String key : failures.keySet()) {
                failures.computeIfPresent(key, (k, times) -> {
                    prune(times, now);
                    return times.isEmpty() ? null : times;
                });
            }
        }
        return new Attempt(account, fromClient, now);
    }

    /**
     * Admits one attempt with password and code together while password-only attempts are throttled, counted on the
     * client's own budget for such tries (never the account's: a guesser must not spend the coordinator's), or throws
     * {@code refused} again.
     */
    Attempt bothFactors(String email, String client, LoginThrottled refused) {
        Instant now = clock.instant();
        String key = "b:" + hmac(client == null ? "" : client);
        if (admit(key, maxBothFactorTries, now).isPresent()) {
            throw refused;
        }
        return new Attempt(accountKey(email), key, now);
    }

    /**
     * The right password forgets the account's failures, and takes back the attempt from the client's (but not the
     * client's earlier failures: one account must not unlock guessing).
     */
    void succeeded(Attempt attempt) {
        failures.remove(attempt.accountKey());
        takeBack(attempt.clientKey(), attempt.at());
    }

    /** Counts a failure at {@code now} and empty, or, when the key is at its limit, counts nothing and says when. */
    private Optional<Instant> admit(String key, int max, Instant now) {
        Instant[] blockedUntil = new Instant[1];
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            prune(kept, now);
            if (kept.size() >= max) {
                blockedUntil[0] = freeAt(kept, max);
            } else {
                kept.addLast(now);
            }
            return kept.isEmpty() ? null : kept;
        });
        return Optional.ofNullable(blockedUntil[0]);
    }

    private Optional<Instant> freeAt(String key, int max, Instant now) {
        Instant[] blockedUntil = new Instant[1];
        failures.computeIfPresent(key, (k, times) -> {
            prune(times, now);
            if (times.size() >= max) {
                blockedUntil[0] = freeAt(times, max);
            }
            return times.isEmpty() ? null : times;
        });
        return Optional.ofNullable(blockedUntil[0]);
    }

    /** The attempt is allowed again once enough failures have left the window. */
    private Instant freeAt(Deque<Instant> times, int max) {
        return times.stream().skip(times.size() - max).findFirst().orElseThrow().plus(window);
    }

    private void takeBack(String key, Instant at) {
        failures.computeIfPresent(key, (k, times) -> {
            times.removeLastOccurrence(at);
            return times.isEmpty() ? null : times;
        });
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
