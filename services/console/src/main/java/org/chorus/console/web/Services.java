package org.chorus.console.web;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.console.ServiceUrls;
import org.chorus.console.signin.Coordinator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services' JSON APIs, called with the signed-in coordinator's token. Answers come back as maps and lists for
 * the templates; a 4xx or 5xx becomes a {@link ServiceProblem} carrying its status, its message code (if the service
 * sent one) and the fields it names, never its English detail.
 */
@Component
public class Services {
    public enum Service {
        STATEMENTS,
        SIGNATURES,
        TRACKING,
        DISTRIBUTION
    }

    public record Download(byte[] body, String contentType, String contentDisposition) {}

    private final ServiceUrls urls;
    private final JsonMapper json;
    private final RestClient client;

    Services(ServiceUrls urls, JsonMapper json) {
        this.urls = urls;
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    public Object get(Service service, String path) {
        return call(HttpMethod.GET, service, path, null, token(), Map.of());
    }

    public Object post(Service service, String path, Object body) {
        return call(HttpMethod.POST, service, path, body, token(), Map.of());
    }

    /** A plain-text body (a pasted signatory block for signatures' import). */
    public Object postText(Service service, String path, String text) {
        return postText(service, path, "text/plain", text);
    }

    /** A body sent as it is, e.g. a CSV file as {@code text/csv}: its answer as JSON. */
    public Object postText(Service service, String path, String contentType, String body) {
        byte[] answer = exchange(HttpMethod.POST, service, path, new Text(contentType, body), token(), Map.of())
                .body();
        return answer.length == 0 ? Map.of() : json.readValue(answer, Object.class);
    }

    private record Text(String contentType, String body) {}

    public Object put(Service service, String path, Object body) {
        return call(HttpMethod.PUT, service, path, body, token(), Map.of());
    }

    public Object delete(Service service, String path) {
        return call(HttpMethod.DELETE, service, path, null, token(), Map.of());
    }

    /** A call without the session's token: sign-in, and sign-out from a session that is ending. */
    public Object call(
            HttpMethod method, Service service, String path, Object body, String token, Map<String, String> headers) {
        byte[] answer = exchange(method, service, path, body, token, headers).body();
        if (answer.length == 0) {
            return Map.of();
        }
        return json.readValue(answer, Object.class);
    }

    /** A file as the service sends it (signatory exports), to pass on to the coordinator's browser. */
    public Download download(Service service, String path) {
        return exchange(HttpMethod.GET, service, path, null, token(), Map.of());
    }

    private Download exchange(
            HttpMethod method, Service service, String path, Object body, String token, Map<String, String> headers) {
        URI uri = URI.create(base(service).toString().replaceAll("/+$", "") + path);
        RestClient.RequestBodySpec request = client.method(method).uri(uri).headers(h -> {
            h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
            if (token != null) {
                h.setBearerAuth(token);
            }
            headers.forEach(h::set);
        });
        if (body instanceof Text text) {
            request.contentType(MediaType.parseMediaType(text.contentType() + ";charset=UTF-8"))
                    .body(text.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        try {
            return request.exchange((sent, response) -> {
                byte[] bytes = response.getBody().readAllBytes();
                int status = response.getStatusCode().value();
                if (status >= 400) {
                    throw problem(status, bytes);
                }
                HttpHeaders answered = response.getHeaders();
                return new Download(
                        bytes,
                        answered.getFirst(HttpHeaders.CONTENT_TYPE),
                        answered.getFirst(HttpHeaders.CONTENT_DISPOSITION));
            });
        } catch (ResourceAccessException e) {
            throw new ServiceProblem(503, null, List.of());
        } catch (UncheckedIOException e) {
            throw new ServiceProblem(503, null, List.of());
        }
    }

    private ServiceProblem problem(int status, byte[] body) {
        String code = null;
        List<String> fields = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem.hasNonNull("code")) {
                code = problem.get("code").asString();
            }
            if (problem.has("errors")) {
                for (JsonNode error : problem.get("errors")) {
                    if (error.hasNonNull("field")) {
                        fields.add(error.get("field").asString());
                    }
                }
            }
        } catch (RuntimeException e) {
            // not problem+json: the status alone says what happened
        }
        return new ServiceProblem(status, code, fields);
    }

    private URI base(Service service) {
        return switch (service) {
            case STATEMENTS -> urls.statements();
            case SIGNATURES -> urls.signatures();
            case TRACKING -> urls.tracking();
            case DISTRIBUTION -> urls.distribution();
        };
    }

    /** The signed-in coordinator, whose token every call carries. */
    public static Coordinator coordinator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Coordinator coordinator) {
            return coordinator;
        }
        throw new ServiceProblem(401, null, List.of());
    }

    private static String token() {
        return coordinator().token();
    }
}
