package org.chorus.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers and proxies keep no copy of a contact's unsubscribe page nor of contacts, lists and releases. */
@ChorusServiceTest
class NothingPersonalIsCachedTest {

    @LocalServerPort
    int port;

    @Test
    void theUnsubscribePageAndCoordinatorAnswersAreMarkedNoStore() {
        Http http = new Http("http://localhost:" + port);
        for (String path : new String[] {"/unsubscribe/" + UUID.randomUUID(), "/api/contact-lists", "/api/releases"}) {
            Http.Response answer = http.get(path);
            assertThat(answer.raw().headers().allValues("Cache-Control"))
                    .as(path + " (" + answer.status() + ")")
                    .containsExactly("no-store");
        }
    }
}
