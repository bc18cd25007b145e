package org.chorus.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers and proxies keep no copy of a signer's personal pages nor of what coordinators see; styles they may. */
@ChorusServiceTest
class NothingPersonalIsCachedTest {

    @LocalServerPort
    int port;

    @Test
    void personalPagesAndCoordinatorAnswersAreMarkedNoStore() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement with personal pages", "en", "Text.");
        String token = UUID.randomUUID().toString();
        for (String path : new String[] {
            "/confirm/" + token,
            "/manage/" + token,
            "/reconsent/" + token,
            "/sign/" + statementId + "/decline",
            "/api/statements/" + statementId + "/moderation",
            "/api/statements/" + statementId + "/signatures"
        }) {
            Http.Response answer = http.get(path);
            assertThat(answer.raw().headers().allValues("Cache-Control"))
                    .as(path + " (" + answer.status() + ")")
                    .containsExactly("no-store");
        }
        assertThat(http.get("/signatures.css").raw().headers().allValues("Cache-Control"))
                .doesNotContain("no-store");
    }
}
