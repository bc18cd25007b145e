package org.chorus.distribution.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class ContactListTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void aCoordinatorBuildsAPressListAndReadsItBack() {
        var created = http.postJson("/api/contact-lists", Map.of("name", "  Geneva press  "));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("name").asString()).isEqualTo("Geneva press");
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/contact-lists/" + id);

        String address = Mailbox.uniqueAddress("reporter");
        var added = http.postJson(
                "/api/contact-lists/" + id + "/contacts",
                Map.of("name", "Amina Reporter", "email", address, "outlet", "Le Temps", "language", "fr"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("id").asString()).isNotBlank();
        assertThat(added.json().get("email").asString()).isEqualTo(address);

        var list = http.get("/api/contact-lists/" + id);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("name").asString()).isEqualTo("Geneva press");
        assertThat(list.json().get("contacts")).hasSize(1);
        var contact = list.json().get("contacts").get(0);
        assertThat(contact.get("name").asString()).isEqualTo("Amina Reporter");
        assertThat(contact.get("outlet").asString()).isEqualTo("Le Temps");
        assertThat(contact.get("language").asString()).isEqualTo("fr");
    }

    @Test
    void invalidContactsAreRefusedNamingTheFieldAndNothingIsStored() {
        String id = newList();

        var badEmail = http.postJson(
                "/api/contact-lists/" + id + "/contacts", Map.of("name", "Someone", "email", "not-an-address"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.contentType()).startsWith("application/problem+json");
        assertThat(badEmail.json().at("/errors/0/field").asString()).isEqualTo("email");

        var blankName = http.postJson(
                "/api/contact-lists/" + id + "/contacts", Map.of("name", " ", "email", Mailbox.uniqueAddress("blank")));
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.json().at("/errors/0/field").asString()).isEqualTo("name");

        var tooLong = http.postJson(
                "/api/contact-lists/" + id + "/contacts",
                Map.of("name", "x".repeat(201), "email", Mailbox.uniqueAddress("long")));
        assertThat(tooLong.status()).isEqualTo(400);

        var unknownLanguage = http.postJson(
                "/api/contact-lists/" + id + "/contacts",
                Map.of("name", "Someone", "email", Mailbox.uniqueAddress("lang"), "language", "xx"));
        assertThat(unknownLanguage.status()).isEqualTo(400);
        assertThat(unknownLanguage.json().get("detail").asString()).contains("Unknown language 'xx'");

        var malformed = http.postJson("/api/contact-lists/" + id + "/contacts", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var blankList = http.postJson("/api/contact-lists", Map.of("name", ""));
        assertThat(blankList.status()).isEqualTo(400);
        assertThat(blankList.json().at("/errors/0/field").asString()).isEqualTo("name");

        assertThat(http.get("/api/contact-lists/" + id).json().get("contacts")).isEmpty();
    }

    @Test
    void anAddressAlreadyOnTheListIsAConflictThatNamesOnlyThatAddress() {
        String id = newList();
        String address = Mailbox.uniqueAddress("desk");
        http.postJson(
                "/api/contact-lists/" + id + "/contacts",
                Map.of("name", "First Person", "email", address, "outlet", "Secret Outlet"));

        var duplicate = http.postJson(
                "/api/contact-lists/" + id + "/contacts",
                Map.of("name", "Second Person", "email", address.toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.json().get("detail").asString())
                .contains(address.toUpperCase())
                .doesNotContain("First Person")
                .doesNotContain("Secret Outlet");
        assertThat(http.get("/api/contact-lists/" + id).json().get("contacts")).hasSize(1);

        var otherList = http.postJson(
                "/api/contact-lists/" + newList() + "/contacts", Map.of("name", "Same Person", "email", address));
        assertThat(otherList.status()).isEqualTo(201);
    }

    @Test
    void unknownListsAreNotFoundAndForgedIdsAreBadRequests() {
        var unknown = http.get("/api/contact-lists/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        var addToUnknown = http.postJson(
                "/api/contact-lists/" + UUID.randomUUID() + "/contacts",
                Map.of("name", "Someone", "email", Mailbox.uniqueAddress("nowhere")));
        assertThat(addToUnknown.status()).isEqualTo(404);
        assertThat(addToUnknown.contentType()).startsWith("application/problem+json");

        assertThat(http.get("/api/contact-lists/not-a-uuid").status()).isEqualTo(400);
    }

    private String newList() {
        return http.postJson("/api/contact-lists", Map.of("name", "List " + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
    }
}
