package org.chorus.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A signer on a slow phone line gets the sign page small, its style once, an icon for the tab, nothing personal kept. */
@ChorusServiceTest
class PublicPagesTravelLightTest {
    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/signatures[^\"]*\\.css)\"");

    @LocalServerPort
    int port;

    @Test
    void theSignPageTravelsGzippedInUnderTenKilobytesInEveryLanguage() {
        Http http = new Http("http://localhost:" + port).withHeader("Accept-Encoding", "gzip");
        UUID statementId = Statements.open(http, "A statement signed from a slow phone", "en", "Text.");
        for (String language : new String[] {"en", "fr", "es", "ar", "ru", "zh"}) {
            for (String kind : new String[] {"", "&kind=individual"}) {
                HttpResponse<byte[]> answer = http.getBytes("/sign/" + statementId + "?lang=" + language + kind);

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().allValues("Content-Encoding"))
                        .as(language + kind)
                        .containsExactly("gzip");
                assertThat(answer.body().length).as(language + kind).isLessThan(10_240);
                String page = gunzip(answer.body());
                assertThat(page).as(language + kind).contains("<form", "name=\"country\"", "value=\"TW\"");
            }
        }
    }

    @Test
    void theFaviconIsAnIconNotAProblemDocument() {
        Http http = new Http("http://localhost:" + port);
        HttpResponse<byte[]> icon = http.getBytes("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
    }

    @Test
    void theStylesheetHasAContentHashedAddressBrowsersKeepForAYear() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement whose style is kept", "en", "Text.");
        Matcher stylesheet = STYLESHEET.matcher(http.get("/sign/" + statementId).body());
        assertThat(stylesheet.find()).isTrue();
        String address = stylesheet.group(1);

        assertThat(address).matches("/signatures-[0-9a-f]{32}\\.css");
        Http.Response style = http.get(address);
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.raw().headers().allValues("Cache-Control")).containsExactly("max-age=31536000, public");
    }

    @Test
    void aSignersOwnPageIsStillNeverKeptAndStillCompressed() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement with a manage page", "en", "Text.");
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Travel Light Org", "TW", "light@example.org"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "light@example.org")
                .variables()
                .get("manageUrl");

        HttpResponse<byte[]> page = http.withHeader("Accept-Encoding", "gzip").getBytes(manageUrl);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(gunzip(page.body())).contains("value=\"Travel Light Org\"");
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
