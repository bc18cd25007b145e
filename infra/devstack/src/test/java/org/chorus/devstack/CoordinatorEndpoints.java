package org.chorus.devstack;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every coordinator endpoint of the four services, read from their request mappings, and the request a coordinator
 * with the right role would send to each about statement B: B's values in the path, every required parameter, a
 * valid body or form.
 */
final class CoordinatorEndpoints {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

    /** Pages and APIs for signers, press contacts and mail providers: their own tests cover their links. */
    private static final List<String> NOT_FOR_COORDINATORS = List.of(
            "/api/bounces",
            "/sign/",
            "/confirm/",
            "/manage/",
            "/reconsent/",
            "/unsubscribe/",
            "/public/",
            "/console/login",
            "/error",
            "/v3/api-docs",
            "/swagger-ui");

    record Endpoint(String service, int port, String method, String pattern, HandlerMethod handler) {
        String key() {
            return service + " " + method + " " + pattern;
        }
    }

    record Call(String service, int port, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        String[] names = {"statements", "signatures", "tracking", "distribution"};
        for (int i = 0; i < names.length; i++) {
            ConfigurableApplicationContext context =
                    TestPlatform.get().services().get(i);
            int port = port(names[i]);
            for (RequestMappingHandlerMapping mapping :
                    context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
                for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                        mapping.getHandlerMethods().entrySet()) {
                    Set<RequestMethod> methods =
                            entry.getKey().getMethodsCondition().getMethods();
                    for (String pattern : entry.getKey().getPatternValues()) {
                        if (NOT_FOR_COORDINATORS.stream().anyMatch(pattern::startsWith)
                                || !(pattern.startsWith("/api/") || pattern.startsWith("/console"))) {
                            continue;
                        }
                        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                            endpoints.add(new Endpoint(names[i], port, method.name(), pattern, entry.getValue()));
                        }
                    }
                }
            }
        }
        endpoints.sort((x, y) -> x.key().compareTo(y.key()));
        return endpoints;
    }

    /** One call per alternative of a {@code {action:a|b}} path variable, with B's values and a valid request. */
    static List<Call> calls(Endpoint endpoint) {
        List<String> paths = new ArrayList<>(List.of(endpoint.pattern()));
        Matcher variable = VARIABLE.matcher(endpoint.pattern());
        while (variable.find()) {
            String placeholder = variable.group();
            List<String> values = variable.group(2) != null
                    ? List.of(variable.group(2).split("\\|"))
                    : List.of(pathValue(endpoint, variable.group(1)));
            List<String> expanded = new ArrayList<>();
            for (String path : paths) {
                for (String value : values) {
                    expanded.add(path.replace(placeholder, value));
                }
            }
            paths = expanded;
        }
        List<Call> calls = new ArrayList<>();
        for (String path : paths) {
            calls.add(request(endpoint, path));
        }
        return calls;
    }

    private static String pathValue(Endpoint endpoint, String name) {
        String pattern = endpoint.pattern();
        if (name.equals("id") || name.equals("statementId")) {
            if (pattern.startsWith("/api/tokens/") || pattern.startsWith("/console/account/tokens/")) {
                return StatementB.get().values.get("ownerTokenId");
            }
            if (pattern.startsWith("/api/coalitions/")) {
                return StatementB.get().values.get("coalitionId");
            }
            if (pattern.startsWith("/api/coordinators/")) {
                return StatementB.get().values.get("ownerId");
            }
            if (pattern.contains("/releases/")) {
                return StatementB.get().values.get("releaseId");
            }
            if (pattern.contains("/contact-lists/")) {
                return StatementB.get().values.get("contactListId");
            }
            return StatementB.get().id.toString();
        }
        String value = StatementB.get().values.get(name);
        if (value == null) {
            throw new AssertionError("The matrix has no value of statement B for {" + name + "} in " + endpoint.key()
                    + ": add one to StatementB.get().values.");
        }
        return value;
    }

    /** The request a coordinator with the right role would send: every required parameter, a valid body or form. */
    private static Call request(Endpoint endpoint, String path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String contentType = null;
        String body = null;
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? param.value() : param.name();
                name = name.isEmpty() ? parameter.getParameterName() : name;
                boolean required = param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE);
                if (required || !endpoint.method().equals("GET")) {
                    parameters.put(name, String.valueOf(sample(name, parameter.getGenericParameterType())));
                }
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                Class<?> type = parameter.getParameterType();
                if (type == String.class) {
                    contentType = endpoint.pattern().endsWith("/imports") ? "text/plain" : "text/csv";
                    body = "1. Lawyers for Lawyers (Netherlands)";
                } else {
                    contentType = "application/json";
                    body = JSON.writeValueAsString(sample("body", parameter.getGenericParameterType()));
                }
            }
        }
        String query = parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (endpoint.method().equals("GET") || body != null) {
            return new Call(
                    endpoint.service(),
                    endpoint.port(),
                    endpoint.method(),
                    query.isEmpty() ? path : path + "?" + query,
                    contentType,
                    body);
        }
        return new Call(
                endpoint.service(),
                endpoint.port(),
                endpoint.method(),
                path,
                "application/x-www-form-urlencoded",
                query);
    }

    /** A value a careful coordinator would send for a field or parameter of this name and type. */
    private static Object sample(String name, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == UUID.class) {
            return StatementB.get()
                    .values
                    .getOrDefault(name, StatementB.get().id.toString());
        }
        if (raw == Instant.class) {
            return Instant.now().plus(40, ChronoUnit.DAYS).toString();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return switch (name) {
                case "endOffset" -> 5;
                case "signatureTarget", "timeoutSeconds" -> 100;
                case "startOffset" -> 0;
                default -> 1;
            };
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return name.equals("role") ? "EDITOR" : ((Enum<?>) constants[0]).name();
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(sample(name, element));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        if (raw.isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                fields.put(component.getName(), sample(component.getName(), component.getGenericType()));
            }
            return fields;
        }
        return switch (name) {
            case "email", "address" -> "matrix-" + UUID.randomUUID() + "@coalition.example";
            case "language" -> "fr";
            case "languages" -> "fr";
            case "country", "countries" -> "NL";
            case "type", "types" -> "PRESS";
            case "decision" -> "send";
            case "slug" -> "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            case "timeZone" -> "Europe/Paris";
            case "deadline", "embargoUntil" -> "2027-03-01T12:00";
            case "password" -> Caller.PASSWORD;
            case "expiresInDays" -> "30";
            case "order" -> "time";
            case "per" -> "hour";
            case "from", "to" -> "1";
            case "action" -> "open";
            case "csrfToken", "_csrf" -> "";
            default -> "Matrix " + name;
        };
    }

    static int port(String service) {
        Platform.Ports ports = TestPlatform.get().ports();
        return switch (service) {
            case "statements" -> ports.statements();
            case "signatures" -> ports.signatures();
            case "tracking" -> ports.tracking();
            case "distribution" -> ports.distribution();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private CoordinatorEndpoints() {}
}
