package org.chorus.distribution.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChorusServiceTest
class ContactListsOverviewTest {

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorSeesEveryContactListWithItsNumberOfContacts() {
        Http http = new Http("http://localhost:" + port);
        String name = "Nairobi desks " + UUID.randomUUID();
        String id = http.postJson("/api/contact-lists", Map.of("name", name))
                .json()
                .get("id")
                .asString();
        http.postJson(
                "/api/contact-lists/" + id + "/contacts",
                Map.of("name", "Desk", "email", Mailbox.uniqueAddress("desk"), "language", "en"));

        var lists = http.get("/api/contact-lists");
        assertThat(lists.status()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode list : lists.json()) {
            if (list.get("id").asString().equals(id)) {
                entry = list;
            }
        }
        assertThat(entry).as(lists.body()).isNotNull();
        assertThat(entry.get("name").asString()).isEqualTo(name);
        assertThat(entry.get("contacts").asInt()).isEqualTo(1);
    }
}
