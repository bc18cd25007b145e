package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Every service, the console too, answers a browser's {@code /favicon.ico} with the one Chorus icon (never a problem
 * document), and sends its stylesheet gzipped with a year's max-age.
 */
class EveryServiceServesLightStaticFilesTest {

    @Test
    void everyServiceAnswersTheFaviconAndSendsItsStyleCompressedAndCacheable() {
        Platform.Ports ports = TestPlatform.get().ports();
        Map<Integer, String> styleOf = Map.of(
                ports.statements(), "/console.css",
                ports.signatures(), "/signatures.css",
                ports.tracking(), "/tracking/console.css",
                ports.distribution(), "/css/distribution.css",
                TestPlatform.consolePort(), "/assets/console.css");
        styleOf.forEach((port, style) -> {
            Http http = new Http("http://localhost:" + port).withHeader("Accept-Encoding", "gzip");

            HttpResponse<byte[]> icon = http.getBytes("/favicon.ico");
            assertThat(icon.statusCode()).as(port + " /favicon.ico").isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type").orElse(""))
                    .as(port + " /favicon.ico")
                    .startsWith("image/");

            HttpResponse<byte[]> css = http.getBytes(style);
            assertThat(css.statusCode()).as(port + " " + style).isEqualTo(200);
            assertThat(css.headers().allValues("Content-Encoding"))
                    .as(port + " " + style)
                    .containsExactly("gzip");
            assertThat(css.headers().allValues("Cache-Control"))
                    .as(port + " " + style)
                    .containsExactly("max-age=31536000, public");
        });
    }
}
