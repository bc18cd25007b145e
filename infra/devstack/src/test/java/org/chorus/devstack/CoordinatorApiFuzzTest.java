package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chorus.devstack.CoordinatorEndpoints.Call;
import org.chorus.devstack.CoordinatorEndpoints.Endpoint;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a broken script or a hurried coordinator sends to a coordinator endpoint, the answer is a 4xx that says
 * what is wrong (problem+json on the API, a page on the console), never a server error, and nothing is stored.
 * Every coordinator endpoint of the four services gets {@value #INPUTS} malformed requests, each a valid request with
 * one part broken: a path variable that names nothing or is no id at all, a body that is not JSON, is cut short, has
 * the wrong shape or a field of the wrong type, a parameter of the wrong type or format, a body of the wrong media
 * type. They are sent by an editor of statement B, who could change B with a valid request.
 */
class CoordinatorApiFuzzTest {
    private static final int INPUTS = 1000;
    private static final long SEED = 20261126L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final String JUNK_CHARACTERS =
            "abcXYZ019 -_.~!$&'()*+,;=:@/?#[]{}<>\"\\%^`|\t\n\r\u0000\u00a0\u200b\u202e\u00e9\u4e2d\u0627\ud83d\ude00";

    @Test
    void malformedRequestsToEveryCoordinatorEndpointAreRefusedWithAClearErrorAndStoreNothing() {
        StatementB b = StatementB.get();
        String before = b.whatTheOwnerSees();
        Map<String, Long> rowsBefore = storedRows();
        Random random = new Random(SEED);
        Map<String, String> failures = new TreeMap<>();
        List<String> nothingToBreak = new ArrayList<>();
        int endpoints = 0;

        for (Endpoint endpoint : CoordinatorEndpoints.all()) {
            Call valid = CoordinatorEndpoints.calls(endpoint).get(0);
            List<Mutation> mutations = mutations(endpoint, valid);
            if (mutations.isEmpty()) {
                nothingToBreak.add(endpoint.key());
                continue;
            }
            endpoints++;
            for (int i = 0; i < INPUTS; i++) {
                Call call = mutations.get(random.nextInt(mutations.size())).apply(random);
                Caller.Answer answer = b.editor.call(call);
                String problem = problem(call, answer);
                if (problem != null) {
                    failures.putIfAbsent(
                            endpoint.key() + " " + problem,
                            call + " " + abbreviate(String.valueOf(call.body())) + " → " + abbreviate(answer.body()));
                }
            }
        }

        System.out.printf(
                "coordinator fuzz: %d endpoints × %d malformed requests; no input to break: %s%n",
                endpoints, INPUTS, nothingToBreak);
        assertThat(failures).isEmpty();
        assertThat(endpoints).isGreaterThan(60);
        assertThat(b.whatTheOwnerSees()).isEqualTo(before);
        assertThat(storedRows()).isEqualTo(rowsBefore);
    }

    private static String problem(Call call, Caller.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "answered " + answer.status();
        }
        boolean api = call.path().startsWith("/api/");
        if (api && !answer.contentType().startsWith("application/problem+json")) {
            return "answered " + answer.status() + " as " + answer.contentType() + ", not problem+json";
        }
        if (!api && !answer.contentType().startsWith("text/html")) {
            return "answered " + answer.status() + " as " + answer.contentType() + ", not a page";
        }
        return null;
    }

    interface Mutation {
        Call apply(Random random);
    }

    /** Ways to break this endpoint's valid request, one part at a time. */
    private static List<Mutation> mutations(Endpoint endpoint, Call valid) {
        List<Mutation> mutations = new ArrayList<>();
        String[] patternSegments = endpoint.pattern().split("/");
        String[] pathSegments = valid.path().split("\\?", 2)[0].split("/");
        for (int i = 0; i < patternSegments.length; i++) {
            if (VARIABLE.matcher(patternSegments[i]).matches()) {
                int segment = i;
                mutations.add(random -> withPath(valid, pathSegments, segment, junkPathSegment(random)));
            }
        }
        boolean form = "application/x-www-form-urlencoded".equals(valid.contentType());
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? param.value() : param.name();
                String key = name.isEmpty() ? parameter.getParameterName() : name;
                List<String> junk = junkValues(key, parameter.getParameterType());
                if (!junk.isEmpty()) {
                    mutations.add(random -> withParameter(valid, form, key, junk.get(random.nextInt(junk.size()))));
                }
            }
            if (parameter.hasParameterAnnotation(RequestBody.class) && "application/json".equals(valid.contentType())) {
                Class<?> type = parameter.getParameterType();
                mutations.add(random -> withBody(valid, "application/json", junkText(random, 200)));
                mutations.add(random -> withBody(
                        valid,
                        "application/json",
                        valid.body()
                                .substring(
                                        0,
                                        random.nextInt(Math.max(1, valid.body().length() - 1)))));
                mutations.add(random -> withBody(
                        valid,
                        "application/json",
                        List.of("[]", "[[]]", "\"x\"", "42", "true", "null", "").get(random.nextInt(7))));
                mutations.add(random -> withBody(
                        valid,
                        List.of("text/plain", "application/xml", "text/csv").get(random.nextInt(3)),
                        valid.body()));
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        List<Object> junk = new ArrayList<>(List.of(List.of(List.of())));
                        junk.addAll(junkValues(component.getName(), component.getType()));
                        mutations.add(
                                random -> withField(valid, component.getName(), junk.get(random.nextInt(junk.size()))));
                    }
                }
            }
        }
        return mutations;
    }

    /** Values of the wrong type or format for a parameter or field of this name and type; none for free text. */
    private static List<String> junkValues(String name, Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return List.of("many", "1.5", "99999999999999999999", "0x10", "");
        }
        if (type == boolean.class || type == Boolean.class) {
            return List.of("perhaps", "2", "yess");
        }
        if (type == UUID.class) {
            return List.of("not-an-id", "1234", UUID.randomUUID() + "0");
        }
        if (type == Instant.class) {
            return List.of("yesterday", "2026-13-45T99:00:00Z", "1.5e400");
        }
        if (type.isEnum()) {
            return List.of("NOBODY", "owner'--", "");
        }
        return switch (name) {
            case "language" -> List.of("english", "e", "EN1", "xx-yy-zz");
            case "email", "address" -> List.of("not-an-address", "a@", "@b.example", "a b@c.example");
            case "timeZone" -> List.of("Mars/Olympus_Mons", "UTC+99");
            case "deadline", "embargoUntil" -> List.of("soon", "2026-02-30T25:61");
            case "slug" -> List.of("Not A Slug!", "slug/with/slashes");
            case "decision" -> List.of("maybe", "SEND NOW");
            case "expiresInDays" -> List.of("forever", "-3", "100000");
            case "country" -> List.of("Narnia", "Q1");
            case "per" -> List.of("fortnight", "HOURS");
            case "order" -> List.of("randomly", "by-name");
            default -> List.of();
        };
    }

    private static String junkPathSegment(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> UUID.randomUUID().toString(); // the right shape, naming nothing
            case 1 -> List.of("not-an-id", "a1b2c3d-234-4abc-8def-123456789ab").get(random.nextInt(2));
            case 2 -> URLEncoder.encode(junkText(random, 40), StandardCharsets.UTF_8);
            case 3 -> List.of("..", "%2e%2e", "%00", "%2F", "null", "-1", "0").get(random.nextInt(7));
            default -> "x".repeat(1 + random.nextInt(600));
        };
    }

    private static String junkText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(JUNK_CHARACTERS.charAt(random.nextInt(JUNK_CHARACTERS.length())));
        }
        return text.toString();
    }

    private static Call withPath(Call valid, String[] segments, int index, String junk) {
        String[] changed = segments.clone();
        changed[index] = junk;
        String[] pathAndQuery = valid.path().split("\\?", 2);
        String path = String.join("/", changed) + (pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : "");
        return new Call(valid.service(), valid.port(), valid.method(), path, valid.contentType(), valid.body());
    }

    private static Call withParameter(Call valid, boolean form, String key, String junk) {
        String[] pathAndQuery = valid.path().split("\\?", 2);
        String encoded = form ? valid.body() : pathAndQuery.length > 1 ? pathAndQuery[1] : "";
        Map<String, String> parameters = decode(encoded);
        parameters.put(key, junk);
        String changed = encode(parameters);
        return form
                ? new Call(valid.service(), valid.port(), valid.method(), valid.path(), valid.contentType(), changed)
                : new Call(
                        valid.service(),
                        valid.port(),
                        valid.method(),
                        pathAndQuery[0] + "?" + changed,
                        valid.contentType(),
                        valid.body());
    }

    private static Call withBody(Call valid, String contentType, String body) {
        return new Call(valid.service(), valid.port(), valid.method(), valid.path(), contentType, body);
    }

    @SuppressWarnings("unchecked")
    private static Call withField(Call valid, String field, Object junk) {
        Map<String, Object> body = new LinkedHashMap<>(JSON.readValue(valid.body(), Map.class));
        body.put(field, junk);
        return withBody(valid, "application/json", JSON.writeValueAsString(body));
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            String[] keyValue = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
                    keyValue.length > 1 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Rows per table in the schemas that hold what coordinators and signers entered. */
    private static Map<String, Long> storedRows() {
        Infrastructure infrastructure = RealInfrastructure.get();
        Map<String, Long> rows = new TreeMap<>();
        try (Connection database = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                Statement query = database.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = query.executeQuery("select table_schema || '.' || table_name from"
                    + " information_schema.tables where table_schema in ('statements', 'signatures', 'distribution')"
                    + " and table_type = 'BASE TABLE' and table_name not like '%outbox%' and table_name not like"
                    + " '%inbox%' and table_name not like 'flyway%'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet result = query.executeQuery("select count(*) from " + table)) {
                    result.next();
                    rows.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String abbreviate(String text) {
        Matcher lines = Pattern.compile("\\s+").matcher(text);
        String flat = lines.replaceAll(" ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
