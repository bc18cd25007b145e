package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever path a client sends to the dev stack's public origin, what it passes on stays inside the public prefix it
 * matched once the service has decoded and normalised it (as Tomcat does: percent-decoding, {@code ;} parameters
 * dropped, {@code .} and {@code ..} segments resolved): no path reaches an API or a coordinator page through it.
 */
class PublicOriginRoutesTest {
    private static final Platform.Ports PORTS = new Platform.Ports(1, 2, 3, 4);
    private static final List<PublicOrigin.Route> ROUTES = PublicOrigin.routes(PORTS);

    @Property(tries = 3000)
    void aPathPassedOnNeverLeavesThePrefixItMatched(@ForAll("paths") String path) {
        var route = PublicOrigin.routeOf(ROUTES, path);
        route.ifPresent(matched -> {
            String seen = asTheServiceSeesIt(path);
            if (seen == null) {
                return; // not decodable: the service refuses it with 400
            }
            assertThat(matched.path().endsWith("/") ? seen.startsWith(matched.path()) : matched.matches(seen))
                    .as("%s reaches %s as %s", path, matched.path(), seen)
                    .isTrue();
        });
    }

    @Property(tries = 500)
    void pathsOfTheServicesThatAreNotPublicAreNeverPassedOn(@ForAll("private") String path) {
        assertThat(PublicOrigin.routeOf(ROUTES, path)).as(path).isEmpty();
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> start = Arbitraries.of(
                "/sign/",
                "/confirm/",
                "/manage/",
                "/reconsent/",
                "/unsubscribe/",
                "/public/",
                "/signatures.css",
                "/signatures-0123456789abcdef0123456789abcdef.css",
                "/");
        Arbitrary<String> tail = Arbitraries.strings()
                .withChars('a', '/', '.', '%', '2', 'e', 'E', 'f', 'F', '5', 'c', ';', '\\')
                .ofMaxLength(16);
        return start.flatMap(s -> tail.map(t -> s + t));
    }

    @Provide("private")
    Arbitrary<String> privatePaths() {
        return Arbitraries.of(
                        "/api/statements", "/console", "/console/releases", "/actuator/health", "/v3/api-docs", "/")
                .flatMap(p -> Arbitraries.strings()
                        .withChars('a', '/', '1')
                        .ofMaxLength(10)
                        .map(t -> p + t));
    }

    private static String asTheServiceSeesIt(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        String withoutParameters = decoded.replaceAll(";[^/]*", "").replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : withoutParameters.split("/", -1)) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments).replaceAll("/{2,}", "/");
    }
}
