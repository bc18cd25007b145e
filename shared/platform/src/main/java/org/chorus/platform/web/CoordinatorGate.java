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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coordinator pages and APIs ({@code /api/**}, {@code /console/**}) of a service that holds no accounts: the caller's
 * personal token ({@code Authorization: Bearer …}, or the {@code chorus_token} cookie the statements console sets at
 * login) is checked with the statements service, which owns coordinators and their roles. A path about one statement
 * is allowed only to coordinators with a role on it, as the statements API answers: viewers and commenters may read
 * ({@code GET}, {@code HEAD}), only editors and owners may change anything. Anything else is open to any coordinator;
 * endpoints that name their statement elsewhere than in the path ask {@link #requireRole} and filter lists with
 * {@link #statementsReadableBy}. Paths under one of {@code chorus.coordinators.admin-paths} (comma-separated prefixes,
 * default {@code /api/admin/}) are only for administrators: {@code GET /api/me} must answer {@code "admin": true},
 * else 403. Answers are cached for 10 s, so a revoked token or role is refused here at the latest 10 s later. Off when
 * {@code chorus.coordinators.statements-url} is empty (a service tested alone), except in the {@code prod} profile,
 * where a service without accounts of its own refuses to start rather than leave its coordinator API open.
 */
@Component
public class CoordinatorGate extends OncePerRequestFilter {
    public static final String COOKIE = "chorus_token";
    private static final Pattern STATEMENT_PATH = Pattern.compile("^/(?:api|console)/statements/([^/]+)(?:/.*)?$");
    private static final Duration CACHE = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 10_000;
    private static final UrlPathHelper ROUTED = new UrlPathHelper();
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ACTING_ROLES = Set.of("EDITOR", "OWNER");

    private static final String ME = "/api/me";
    private static final String STATEMENTS = "/api/statements";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String statementsUrl;
    private final List<String> adminPaths;
    private final List<String> providerPaths;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** What the statements service answered to one question about one token; {@code status} is its HTTP status. */
    private record Answer(
            int status,
            boolean admin,
            String role,
            Set<UUID> statements,
            long expiresAt,
            String email,
            List<UUID> coalitions,
            UUID coalition) {
        Answer(int status, long expiresAt) {
            this(status, false, null, Set.of(), expiresAt, null, List.of(), null);
        }
    }

    /** Why a coordinator may not go on; {@link #status} is what they are answered. */
    public static final class Refusal extends ErrorResponseException {
        private final int status;

        Refusal(int status, String detail) {
            super(HttpStatusCode.valueOf(status), problem(status, detail), null);
            this.status = status;
        }

        private static ProblemDetail problem(int status, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
            problem.setTitle("Coordinators only");
            return problem;
        }

        public int status() {
            return status;
        }
    }

    public CoordinatorGate(String statementsUrl, List<String> adminPaths, Environment environment) {
        this(statementsUrl, adminPaths, List.of(), environment);
    }

    /**
     * {@code chorus.coordinators.provider-paths}: exact paths under {@code /api/} that are not for coordinators but for
     * outside services that authenticate themselves (a mail provider reporting bounces); the gate leaves them alone.
     */
    @Autowired
    public CoordinatorGate(
            @Value("${chorus.coordinators.statements-url:}") String statementsUrl,
            @Value("${chorus.coordinators.admin-paths:/api/admin/}") List<String> adminPaths,
            @Value("${chorus.coordinators.provider-paths:}") List<String> providerPaths,
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
        this.providerPaths = providerPaths.stream()
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .toList();
    }

    /**
     * For an endpoint that names its statement elsewhere than in the path (a release's statement, a request body):
     * returns when the caller has a role on {@code statement}, one that lets them change things when {@code acting};
     * otherwise throws a {@link Refusal} (401, 403, 404 or 503), which {@code /api/**} answers as problem+json.
     */
    public void requireRole(HttpServletRequest request, UUID statement, boolean acting) {
        if (statementsUrl.isEmpty()) {
            return;
        }
        String token = token(request);
        if (token == null) {
            throw new Refusal(401, "Sign in at the coordinator console, or send Authorization: Bearer <token>.");
        }
        verdict(token, STATEMENTS + "/" + statement, false, acting).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /**
     * The statements the caller has a role on, to filter a list that spans statements; every statement when the gate
     * is off. Throws a {@link Refusal} when the caller is unknown or the statements service cannot answer.
     */
    public Predicate<UUID> statementsReadableBy(HttpServletRequest request) {
        if (statementsUrl.isEmpty()) {
            return statement -> true;
        }
        String token = token(request);
        if (token == null) {
            throw new Refusal(401, "Sign in at the coordinator console, or send Authorization: Bearer <token>.");
        }
        Answer answer = answer(token, STATEMENTS);
        refusal(answer, false, false).ifPresent(refusal -> {
            throw refusal;
        });
        return answer.statements()::contains;
    }

    /** The path as Spring MVC routes it: percent-decoded, without {@code ;parameters}, no doubled slashes. */
    private static String routedPath(HttpServletRequest request) {
        return ROUTED.getLookupPathForRequest(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = routedPath(request);
        return statementsUrl.isEmpty()
                || !(path.startsWith("/api/") || path.startsWith("/console"))
                || providerPaths.contains(path);
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
        String check = ME;
        if (!adminOnly && statement.matches()) {
            Optional<UUID> id = canonicalId(statement.group(1));
            if (id.isEmpty()) {
                // UUID.fromString also reads ids without their leading zeros: only the canonical form is checked
                refuse(request, response, 400, "A statement is named by its id in full, e.g. 0a1b2c3d-….");
                return;
            }
            check = STATEMENTS + "/" + id.get();
        }
        boolean acting = !READING.contains(request.getMethod());
        Optional<Refusal> refusal = verdict(token, check, adminOnly, acting && !check.equals(ME));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            refuse(
                    request,
                    response,
                    refusal.get().status(),
                    refusal.get().getBody().getDetail());
        }
    }

    private static Optional<UUID> canonicalId(String segment) {
        try {
            UUID id = UUID.fromString(segment);
            return id.toString().equalsIgnoreCase(segment) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Refusal> verdict(String token, String check, boolean adminOnly, boolean acting) {
        return refusal(answer(token, check), adminOnly, acting);
    }

    private static Optional<Refusal> refusal(Answer answer, boolean adminOnly, boolean acting) {
        return switch (answer.status()) {
            case 200 -> {
                if (adminOnly && !answer.admin()) {
                    yield Optional.of(new Refusal(403, "Only an administrator may do this."));
                }
                if (acting && !ACTING_ROLES.contains(answer.role())) {
                    yield Optional.of(new Refusal(
                            403, "Your role on this statement lets you read it; only editors and owners change it."));
                }
                yield Optional.empty();
            }
            case 401 -> Optional.of(new Refusal(401, "Unknown or expired token: sign in again."));
            case 404 -> Optional.of(new Refusal(404, "No such statement."));
            default -> Optional.of(new Refusal(503, "Coordinator accounts cannot be checked right now; try again."));
        };
    }

    private Answer answer(String token, String check) {
        String key = sha256(token) + check;
        long now = System.nanoTime();
        Answer cached = answers.get(key);
        if (cached != null && cached.expiresAt() > now) {
            return cached;
        }
        Answer answer = ask(token, check, now + CACHE.toNanos());
        if (answer.status() == 200 || answer.status() == 401 || answer.status() == 404) {
            if (answers.size() >= MAX_CACHED) {
                answers.values().removeIf(old -> old.expiresAt() < now);
                if (answers.size() >= MAX_CACHED) {
                    answers.clear();
                }
            }
            answers.put(key, answer);
        }
        return answer;
    }

    /** The statements service's answer to {@code GET check}, reduced to what the gate decides on. */
    private Answer ask(String token, String check, long expiresAt) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(statementsUrl + check))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(), expiresAt);
            }
            JsonNode body = JSON.readTree(response.body());
            JsonNode admin = body.get("admin");
            JsonNode role = body.get("role");
            Set<UUID> statements = new HashSet<>();
            if (body.isArray()) {
                for (JsonNode statement : body) {
                    JsonNode id = statement.get("id");
                    if (id != null && id.isString()) {
                        statements.add(UUID.fromString(id.asString()));
                    }
                }
            }
            JsonNode email = body.get("email");
            JsonNode coalition = body.get("coalitionId");
            List<UUID> coalitions = new ArrayList<>();
            if (body.get("coalitions") != null && body.get("coalitions").isArray()) {
                for (JsonNode id : body.get("coalitions")) {
                    coalitions.add(UUID.fromString(id.asString()));
                }
            }
            return new Answer(
                    200,
                    admin != null && admin.isBoolean() && admin.asBoolean(),
                    role == null || !role.isString() ? null : role.asString(),
                    Set.copyOf(statements),
                    expiresAt,
                    email == null || !email.isString() ? null : email.asString(),
                    List.copyOf(coalitions),
                    coalition == null || !coalition.isString() ? null : UUID.fromString(coalition.asString()));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return new Answer(503, expiresAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, expiresAt);
        }
    }

    // Coalitions: who the caller is and which coalitions they belong to, for data a coalition owns (contact lists).

    /** The caller as {@code GET /api/me} answers: their account address and their coalitions, the first one first. */
    public record Caller(String email, List<UUID> coalitions) {}

    /**
     * The caller, to check what their coalitions own; empty when the gate is off (a service tested alone), where
     * everything is open. Throws a {@link Refusal} when the caller is unknown or the statements service cannot answer.
     */
    public Optional<Caller> caller(HttpServletRequest request) {
        if (statementsUrl.isEmpty()) {
            return Optional.empty();
        }
        Answer answer = answer(requireToken(request), ME);
        refusal(answer, false, false).ifPresent(refusal -> {
            throw refusal;
        });
        return Optional.of(new Caller(answer.email(), answer.coalitions()));
    }

    /**
     * The coalition {@code statement} belongs to, to a caller with a role on it; empty when the gate is off. Throws a
     * {@link Refusal} (404 to a caller without a role) otherwise.
     */
    public Optional<UUID> coalitionOf(HttpServletRequest request, UUID statement) {
        if (statementsUrl.isEmpty()) {
            return Optional.empty();
        }
        Answer answer = answer(requireToken(request), STATEMENTS + "/" + statement + "/coalition");
        refusal(answer, false, false).ifPresent(refusal -> {
            throw refusal;
        });
        if (answer.coalition() == null) {
            throw new Refusal(503, "Coordinator accounts cannot be checked right now; try again.");
        }
        return Optional.of(answer.coalition());
    }

    /**
     * For a response that goes on after its request was let in (a live stream): true while the caller's token may still
     * read {@code statement}, as the statements service answers (cached as every answer here, 10 s).
     */
    public BooleanSupplier whileAllowedToRead(HttpServletRequest request, UUID statement) {
        if (statementsUrl.isEmpty()) {
            return () -> true;
        }
        String token = token(request);
        if (token == null) {
            return () -> false;
        }
        return () -> verdict(token, STATEMENTS + "/" + statement, false, false).isEmpty();
    }

    private static String requireToken(HttpServletRequest request) {
        String token = token(request);
        if (token == null) {
            throw new Refusal(401, "Sign in at the coordinator console, or send Authorization: Bearer <token>.");
        }
        return token;
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
