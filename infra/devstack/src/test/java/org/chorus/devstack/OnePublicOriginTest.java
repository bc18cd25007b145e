package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signers and press contacts see one public origin: the invitation, the sign page, the confirmation from the mail, the
 * manage page, the unsubscribe link and the public counter all answer there, every mailed link points there, and
 * nothing else of the services can be reached through it.
 */
class OnePublicOriginTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    static Http statements;
    static Http coordinatorSignatures;
    static Http origin;
    static String originUrl;

    @BeforeAll
    static void startThePlatform() {
        statements = TestPlatform.statements();
        coordinatorSignatures =
                TestPlatform.signatures().withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN);
        origin = TestPlatform.publicOrigin();
        originUrl = TestPlatform.publicUrl();
    }

    @Test
    void anInviteeSignsConfirmsFromTheMailAndUnsubscribesOnThePublicOriginOnly() {
        String run = Long.toString(System.nanoTime(), 36);
        String id = openStatement("One origin " + run);
        String address = "origin-" + run + "@defenders.example";
        assertThat(coordinatorSignatures
                        .postJson(
                                "/api/statements/" + id + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                "Origin Watch",
                                                "country",
                                                "KE",
                                                "email",
                                                address,
                                                "language",
                                                "en"))))
                        .status())
                .isEqualTo(201);

        MimeMessage invitation = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(address));
        String signUrl = Mailbox.link(invitation, "/sign/");
        String unsubscribeUrl = Mailbox.link(invitation, "/unsubscribe/");
        assertThat(List.of(signUrl, unsubscribeUrl))
                .allSatisfy(link -> assertThat(link).startsWith(originUrl + "/"));

        var signPage = origin.get(signUrl);
        assertThat(signPage.status()).isEqualTo(200);
        assertThat(signPage.body()).contains("value=\"Origin Watch\"");
        var stylesheet = Pattern.compile("href=\"(/[^\"]+\\.css)\"").matcher(signPage.body());
        assertThat(stylesheet.find()).isTrue();
        assertThat(origin.get(stylesheet.group(1)).status())
                .as("the page's stylesheet loads from the same origin")
                .isEqualTo(200);

        Map<String, String> form = new HashMap<>();
        form.put("name", "Origin Watch");
        form.put("country", "KE");
        form.put("qualifier", "");
        form.put("contactName", "Wanjiru");
        form.put("email", address);
        form.put("authorised", "true");
        form.put("revisionHash", hidden(signPage.body(), "revisionHash"));
        form.put("website", "");
        form.put("invitation", hidden(signPage.body(), "invitation"));
        form.put("lang", hidden(signPage.body(), "lang"));
        var signed = origin.postForm("/sign/" + id, form);
        assertThat(signed.status()).isEqualTo(303);
        String sent = signed.raw().headers().firstValue("Location").orElseThrow();
        assertThat(sent)
                .doesNotContain("localhost:" + TestPlatform.get().ports().signatures());
        assertThat(origin.get(sent.startsWith("/") ? sent : sent.substring(sent.indexOf("/sign/")))
                        .status())
                .isEqualTo(200);

        MimeMessage confirmation = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = Mailbox.messagesTo(address);
            assertThat(mails).hasSize(2);
            return mails.get(1);
        });
        String confirmUrl = Mailbox.link(confirmation, "/confirm/");
        String manageUrl = Mailbox.link(confirmation, "/manage/");
        assertThat(List.of(confirmUrl, manageUrl))
                .allSatisfy(link -> assertThat(link).startsWith(originUrl + "/"));
        assertThat(origin.get(confirmUrl).status()).isEqualTo(200);
        assertThat(origin.postForm(path(confirmUrl), Map.of("lang", "en")).status())
                .isEqualTo(200);
        assertThat(origin.get(manageUrl).body()).contains("Origin Watch");

        assertThat(origin.get(unsubscribeUrl).body()).contains("method=\"post\"");
        assertThat(origin.postForm(path(unsubscribeUrl), Map.of("lang", "en")).status())
                .isEqualTo(200);
        assertThat(origin.get(unsubscribeUrl).body())
                .as("unsubscribed: the page offers nothing more to confirm")
                .doesNotContain("method=\"post\"");

        Eventually.await(WAIT, () -> {
            var counter = origin.get("/public/statements/" + id + "/counter/embed");
            assertThat(counter.status()).isEqualTo(200);
            assertThat(counter.body()).contains("1");
        });
    }

    @Test
    void aPathOutsideThePublicPrefixesIsNotFoundThere() {
        String id = openStatement("Not through the origin " + Long.toString(System.nanoTime(), 36));
        for (String path : List.of(
                "/",
                "/api/statements/" + id,
                "/api/statements/" + id + "/counts",
                "/api/contact-lists",
                "/console",
                "/console/statements",
                "/console/releases",
                "/actuator/health",
                "/v3/api-docs",
                "/sign",
                "/sign/../api/statements/" + id,
                "/sign/%2e%2e/api/statements/" + id,
                "/sign/..%2fapi/statements/" + id,
                "/public/..;/api/statements/" + id,
                "//api/statements/" + id)) {
            var answer = TestPlatform.publicOrigin()
                    .withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN)
                    .get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain(id);
        }
        assertThat(origin.get("/sign/" + id).status()).isEqualTo(200);
    }

    private static String openStatement(String title) {
        String id = statements
                .postJson(
                        "/api/statements",
                        Map.of("title", title, "body", "We call for the release of defenders.", "language", "en"))
                .json()
                .get("id")
                .asString();
        assertThat(statements.postJson("/api/statements/" + id + "/open", "").status())
                .isEqualTo(200);
        Eventually.await(
                WAIT, () -> assertThat(origin.get("/sign/" + id).status()).isEqualTo(200));
        return id;
    }

    private static String hidden(String page, String name) {
        var match = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(match.find()).as("hidden field %s", name).isTrue();
        return match.group(1);
    }

    private static String path(String link) {
        return link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
    }
}
