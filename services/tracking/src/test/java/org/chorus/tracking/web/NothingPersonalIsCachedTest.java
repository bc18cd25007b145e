package org.chorus.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers and proxies keep no copy of what coordinators see; the public counter says itself how long it may. */
@ChorusServiceTest
class NothingPersonalIsCachedTest {

    @LocalServerPort
    int port;

    @Test
    void coordinatorPagesAndAnswersAreMarkedNoStore() {
        Http http = new Http("http://localhost:" + port);
        UUID statement = UUID.randomUUID();
        for (String path : new String[] {
            "/console/statements",
            "/console/statements/" + statement,
            "/api/statements/" + statement + "/counts",
            "/api/statements/" + statement + "/pipeline"
        }) {
            Http.Response answer = http.get(path);
            assertThat(answer.raw().headers().allValues("Cache-Control"))
                    .as(path + " (" + answer.status() + ")")
                    .containsExactly("no-store");
        }
        TrackingEvents.open(statement, "A statement with a public counter", "en");
        Eventually.await(TrackingEvents.PATIENCE, () -> {
            Http.Response counter = http.get("/public/statements/" + statement + "/counter");
            assertThat(counter.status()).isEqualTo(200);
            assertThat(counter.raw().headers().allValues("Cache-Control"))
                    .as("the public counter says itself how long it may be kept")
                    .containsExactly("max-age=5, public");
        });
    }
}
