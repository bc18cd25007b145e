package org.chorus.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The dev stack's one public origin: what signers and press contacts open (sign, confirm, manage, re-consent,
 * decline, unsubscribe, the public counter) on one port, each path prefix passed on to the service that owns it, as
 * the reverse proxy of {@code infra/compose.yaml} and the Ingress of {@code infra/k8s} do. It is no open proxy: a path
 * outside the known prefixes, or one that could climb out of them ({@code ..}, encoded dots or slashes), answers 404.
 * Requests and answers are streamed, headers kept but the hop-by-hop ones; the client's address is appended to
 * {@code X-Forwarded-For}.
 */
public final class PublicOrigin implements AutoCloseable {

    /**
     * A path prefix (ending in {@code /}) or one exact path, and the port of the service that owns it. An exact path
     * of a static file also matches its content-hashed address ({@code /signatures-<md5>.css}, shared/platform
     * PublicPageDefaults), under which pages link it.
     */
    record Route(String path, int port) {
        boolean matches(String requested) {
            if (path.endsWith("/")) {
                return requested.startsWith(path) && requested.length() > path.length();
            }
            int extension = path.lastIndexOf('.');
            return requested.equals(path)
                    || (extension > 0
                            && requested.startsWith(path.substring(0, extension) + "-")
                            && requested.endsWith(path.substring(extension))
                            && requested
                                    .substring(extension + 1, requested.length() - (path.length() - extension))
                                    .matches("[0-9a-f]{32}"));
        }
    }

    /** The public paths of each service: its pages and the assets they load. */
    static List<Route> routes(Platform.Ports ports) {
        return List.of(
                new Route("/sign/", ports.signatures()),
                new Route("/confirm/", ports.signatures()),
                new Route("/manage/", ports.signatures()),
                new Route("/reconsent/", ports.signatures()),
                new Route("/signatures.css", ports.signatures()),
                new Route("/proof-of-work.js", ports.signatures()),
                new Route("/unsubscribe/", ports.distribution()),
                new Route("/css/distribution.css", ports.distribution()),
                new Route("/public/", ports.tracking()),
                new Route("/tracking/counter.css", ports.tracking()),
                // every service serves the same icon
                new Route("/favicon.ico", ports.signatures()));
    }

    // a path that a server would normalise into another one never leaves this origin's prefixes
    private static final Pattern CLIMBING =
            Pattern.compile("(^|/)\\.{1,2}(/|$)|%2e|%2f|%5c|\\\\|;|//", Pattern.CASE_INSENSITIVE);
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32, runnable -> {
        Thread thread = new Thread(runnable, "chorus-public-origin");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<Route> routes;

    private PublicOrigin(HttpServer server, List<Route> routes) {
        this.server = server;
        this.routes = routes;
    }

    /** The public origin on {@code port} of localhost, routing to the services of {@code ports}. */
    public static PublicOrigin start(int port, Platform.Ports ports) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 64);
            PublicOrigin origin = new PublicOrigin(server, routes(ports));
            server.createContext("/", origin::handle);
            server.setExecutor(origin.threads);
            server.start();
            return origin;
        } catch (IOException e) {
            throw new IllegalStateException("the public origin cannot listen on port " + port, e);
        }
    }

    /** Where the public origin answers, e.g. {@code http://localhost:8000}. */
    public static String url(int port) {
        return "http://localhost:" + port;
    }

    Optional<Route> route(String rawPath) {
        return routeOf(routes, rawPath);
    }

    /** The route a raw request path takes, or none (404): outside the prefixes, or able to climb out of them. */
    static Optional<Route> routeOf(List<Route> routes, String rawPath) {
        if (rawPath == null || CLIMBING.matcher(rawPath).find()) {
            return Optional.empty();
        }
        return routes.stream().filter(route -> route.matches(rawPath)).findFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI requested = exchange.getRequestURI();
            Optional<Route> route = route(requested.getRawPath());
            if (route.isEmpty()) {
                notFound(exchange);
                return;
            }
            String target = "http://localhost:" + route.get().port() + requested.getRawPath()
                    + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
            HttpResponse<InputStream> answer;
            try {
                answer = client.send(forwarded(exchange, target), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                    || answer.statusCode() == 204
                    || answer.statusCode() == 304;
            long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (InputStream body = answer.body()) {
                if (noBody) {
                    exchange.sendResponseHeaders(answer.statusCode(), -1);
                    return;
                }
                // 0 means "chunked" to the JDK server, -1 "no body"
                exchange.sendResponseHeaders(answer.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
                try (OutputStream out = exchange.getResponseBody()) {
                    body.transferTo(out);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private static HttpRequest forwarded(HttpExchange exchange, String target) {
        long length = exchange.getRequestHeaders().getFirst("Content-Length") == null
                ? -1
                : Long.parseLong(exchange.getRequestHeaders().getFirst("Content-Length"));
        boolean chunked = exchange.getRequestHeaders().getFirst("Transfer-Encoding") != null;
        HttpRequest.BodyPublisher body = length > 0
                ? HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), length)
                : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody)
                        : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body);
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded-")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        String before = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        request.header("X-Forwarded-For", before == null ? client : before + ", " + client);
        request.header("X-Forwarded-Proto", "http");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        return request.build();
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        byte[] body = "Not found.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
