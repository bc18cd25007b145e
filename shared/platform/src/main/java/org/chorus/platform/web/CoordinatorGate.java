package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coordinator pages and APIs ({@code /api/**}, {@code /console/**}) of a service that holds no accounts: the caller's
 * personal token ({@code Authorization: Bearer …}, or the {@code chorus_token} cookie the statements console sets at
 * login) is checked with the statements service, which owns coordinators and their roles. A path about one statement
 * is allowed only to coordinators with a role on it, as the statements API answers; anything else to any coordinator.
 * Paths under one of {@code chorus.coordinators.admin-paths} (comma-separated prefixes, default {@code /api/admin/})
 * are only for administrators: {@code GET /api/me} must answer {@code "admin": true}, else 403. Answers are cached for
 * 10 s, so a revoked token is refused here at the latest 10 s later. Off when {@code chorus.coordinators.statements-url}
 * is empty (a service tested alone), except in the {@code prod} profile, where a service without accounts of its own
 * refuses to start rather than leave its coordinator API open.
 */
@Component
public class CoordinatorGate extends OncePerRequestFilter {
    public static final String COOKIE = "chorus_token";
    private static final Pattern STATEMENT_PATH =
            Pattern.compile("^/(?:api|console)/statements/([0-9a-fA-F-]{36})(?:/.*)?$");
    private static final Duration CACHE = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 10_000;
    private static final UrlPathHelper ROUTED = new UrlPathHelper();

    private static final String ME = "/api/me";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The gate's own verdict (not an HTTP status): /api/me answered 200, but without {@code "admin": true}. */
    private static final int NOT_ADMIN = -403;

    private final String statementsUrl;
    private final List<String> adminPaths;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    private record Verdict(int status, long expiresAt) {}

    public CoordinatorGate(
            @Value("${chorus.coordinators.statements-url:}") String statementsUrl,
            @Value("${chorus.coordinators.admin-paths:/api/admin/}") List<String> adminPaths,
            Environment environment) {
        if (statementsUrl.isBlank()
                && environment.matchesProfiles("prod")
                && !environment.getProperty("chorus.coordinators.accounts-here", Boolean.class, false)) {
            throw new IllegalStateException("chorus.coordinators.statements-url is not set: in the prod profile this"
                    + " service would leave its coordinator pages and API open. Point it at the statements service.");
        }
        this.statementsUrl =
                statementsUrl.endsWith("/") ? statementsUrl.substring(0, statementsUrl.length() - 1) : statementsUrl;
        this.adminPaths = adminPaths.stream()
                .map(String::strip)
                .filter(prefix -> !prefix.isEmpty())
                .toList();
    }

    /** The path as Spring MVC routes it: percent-decoded, without {@code ;parameters}, no doubled slashes. */
    private static String routedPath(HttpServletRequest request) {
        return ROUTED.getLookupPathForRequest(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = routedPath(request);
        return statementsUrl.isEmpty() || !(path.startsWith("/api/") || path.startsWith("/console"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = routedPath(request);
        if (!path.equals(request.getRequestURI())) {
            // the checks below read the path literally: one that only routes after decoding is refused, not guessed at
            refuse(request, response, 400, "Coordinator addresses take no encoded characters or ;parameters.");
            return;
        }
        String token = token(request);
        if (token == null) {
            refuse(
                    request,
                    response,
                    401,
                    "Sign in at the coordinator console, or send Authorization: Bearer <token>.");
            return;
        }
        boolean adminOnly = adminPaths.stream().anyMatch(path::startsWith);
        Matcher statement = STATEMENT_PATH.matcher(path);
        String check = adminOnly || !statement.matches() ? ME : "/api/statements/" + statement.group(1);
        int status = verdict(token, check, adminOnly);
        switch (status) {
            case 200 -> chain.doFilter(request, response);
            case 401 -> refuse(request, response, 401, "Unknown or expired token: sign in again.");
            case 404 -> refuse(request, response, 404, "No such statement.");
            case NOT_ADMIN -> refuse(request, response, 403, "Only an administrator may do this.");
            default -> refuse(request, response, 503, "Coordinator accounts cannot be checked right now; try again.");
        }
    }

    private int verdict(String token, String check, boolean adminOnly) {
        String key = sha256(token) + check + (adminOnly ? " admin" : "");
        long now = System.nanoTime();
        Verdict cached = verdicts.get(key);
        if (cached != null && cached.expiresAt() > now) {
            return cached.status();
        }
        int status = ask(token, check, adminOnly);
        if (status == 200 || status == 401 || status == 404 || status == NOT_ADMIN) {
            if (verdicts.size() >= MAX_CACHED) {
                verdicts.values().removeIf(verdict -> verdict.expiresAt() < now);
                if (verdicts.size() >= MAX_CACHED) {
                    verdicts.clear();
                }
            }
            verdicts.put(key, new Verdict(status, now + CACHE.toNanos()));
        }
        return status;
    }

    /** The statements service's answer; for an admin path, 200 only when /api/me says {@code "admin": true}. */
    private int ask(String token, String check, boolean adminOnly) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(statementsUrl + check))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!adminOnly || response.statusCode() != 200) {
                return response.statusCode();
            }
            return isAdmin(response.body()) ? 200 : NOT_ADMIN;
        } catch (IOException e) {
            return 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }

    private static boolean isAdmin(String me) {
        try {
            JsonNode admin = JSON.readTree(me).get("admin");
            return admin != null && admin.isBoolean() && admin.asBoolean();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static String token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            return header.substring(7).strip();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        FilterAnswers.refuse(request, response, status, "Coordinators only", detail);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
