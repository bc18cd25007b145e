package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signers and invitees are spoken to in their own language, on the real mail: the mail distribution sends speaks the
 * language they signed or were invited in, its links open the pages in that language, dates are written for them in
 * the statement's time zone, and nobody is greeted "Dear ,".
 */
class SignersInTheirLanguageEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ISO_MOMENT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

    static Http statements;
    static Http signatures;
    static Http coordinatorSignatures;

    @BeforeAll
    static void startThePlatform() {
        statements = TestPlatform.statements();
        signatures = TestPlatform.signatures();
        coordinatorSignatures = signatures.withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN);
    }

    @Test
    void aSignerWhoSignedInArabicGetsHerConfirmationInArabicWithAManageLink() {
        String run = run();
        String id = openStatement("Free the defenders " + run, "en", "Africa/Cairo");
        String address = "cairo-" + run + "@defenders.example";
        Map<String, String> form = organisation("مركز القاهرة", "EG", address, hash(id));
        form.put("contactName", "أمينة");
        form.put("lang", "ar");
        assertThat(signatures.postForm("/sign/" + id, form).status()).isEqualTo(303);

        MimeMessage mail = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(address));
        assertThat(Mailbox.subject(mail)).startsWith("يرجى تأكيد توقيعك");
        assertThat(Mailbox.body(mail)).startsWith("مرحباً أمينة،");
        String confirmUrl = Mailbox.link(mail, "/confirm/");
        String manageUrl = Mailbox.link(mail, "/manage/");
        assertThat(confirmUrl).endsWith("?lang=ar");
        assertThat(manageUrl).endsWith("?lang=ar");

        assertThat(signatures.get(confirmUrl).body()).contains("lang=\"ar\"", "dir=\"rtl\"");
        assertThat(signatures.postForm(path(confirmUrl), Map.of("lang", "ar")).body())
                .contains("lang=\"ar\"", "dir=\"rtl\"");
        assertThat(signatures.get(manageUrl).body()).contains("lang=\"ar\"", "اسحب توقيعي");
    }

    @Test
    void aFrenchInviteeSeesTheSignPageInFrenchAndIsMailedInFrenchFromThenOn() {
        String run = run();
        String id = openStatement("Free the defenders " + run, "en", "Europe/Paris");
        String address = "ldh-" + run + "@ligue.example";
        assertThat(coordinatorSignatures
                        .postJson(
                                "/api/statements/" + id + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                "Ligue des droits",
                                                "country",
                                                "FR",
                                                "email",
                                                address,
                                                "language",
                                                "fr"))))
                        .status())
                .isEqualTo(201);

        MimeMessage invitation = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(address));
        assertThat(Mailbox.subject(invitation)).startsWith("Invitation à signer");
        String invitationBody = Mailbox.body(invitation).replaceAll("\\h", " ");
        assertThat(invitationBody)
                .as("the deadline is written for a French reader in the statement's time zone")
                .doesNotContainPattern(ISO_MOMENT)
                .containsPattern("jusqu’au \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2} UTC\\+[12]");
        String signUrl = Mailbox.link(invitation, "/sign/");
        assertThat(signUrl).endsWith("&lang=fr");

        var signPage = signatures.get(signUrl);
        assertThat(signPage.status()).isEqualTo(200);
        assertThat(signPage.body()).contains("lang=\"fr\"", "value=\"Ligue des droits\"", "Égypte");
        String french = signPage.body();
        assertThat(french.indexOf(">Égypte<"))
                .as("the French country list is collated: Égypte before Zambie")
                .isLessThan(french.indexOf(">Zambie<"));

        Map<String, String> form = organisation("Ligue des droits", "FR", address, hash(id));
        form.put("invitation", hidden(signPage.body(), "invitation"));
        form.put("lang", hidden(signPage.body(), "lang"));
        form.remove("contactName");
        assertThat(signatures.postForm("/sign/" + id, form).status()).isEqualTo(303);
        MimeMessage confirmation = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = Mailbox.messagesTo(address);
            assertThat(mails).hasSize(2);
            return mails.get(1);
        });
        assertThat(Mailbox.subject(confirmation)).startsWith("Merci de confirmer votre signature");
        assertThat(Mailbox.link(confirmation, "/manage/")).endsWith("?lang=fr");
        String confirmUrl = Mailbox.link(confirmation, "/confirm/");
        assertThat(signatures.get(confirmUrl).body()).contains("lang=\"fr\"");
        assertThat(signatures.postForm(path(confirmUrl), Map.of("lang", "fr")).status())
                .isEqualTo(200);

        assertThat(statements
                        .postJson(
                                "/api/statements/" + id + "/revisions",
                                Map.of(
                                        "title",
                                        "Free the defenders " + run,
                                        "body",
                                        "We call for the release of every defender, now.",
                                        "material",
                                        true))
                        .status())
                .isEqualTo(200);
        MimeMessage reconsent = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = Mailbox.messagesTo(address);
            assertThat(mails).hasSize(3);
            return mails.get(2);
        });
        assertThat(Mailbox.subject(reconsent)).startsWith("Le texte que vous avez signé a changé");
        assertThat(Mailbox.body(reconsent).replaceAll("\\h", " "))
                .startsWith("Bonjour Ligue des droits,")
                .doesNotContainPattern(ISO_MOMENT)
                .containsPattern("avant le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2} UTC\\+[12]");
        assertThat(signatures.get(Mailbox.link(reconsent, "/reconsent/")).body())
                .contains("lang=\"fr\"");
    }

    @Test
    void aWithheldSignerIsNeverGreetedWithAnEmptyName() {
        String run = run();
        String id = openStatement("Free the defenders " + run, "en", "Asia/Shanghai");
        String address = "withheld-" + run + "@defenders.example";
        Map<String, String> form = new HashMap<>(Map.of(
                "kind", "INDIVIDUAL",
                "name", "Withheld Defender",
                "country", "CN",
                "email", address,
                "visibility", "WITHHELD",
                "countCountry", "true",
                "revisionHash", hash(id),
                "website", ""));
        assertThat(signatures.postForm("/sign/" + id, form).status()).isEqualTo(303);
        MimeMessage english = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(address));
        assertThat(Mailbox.body(english)).startsWith("Hello,\n").doesNotContain("Dear ,", "Withheld Defender");

        String chineseAddress = "withheld-zh-" + run + "@defenders.example";
        form.put("email", chineseAddress);
        form.put("lang", "zh");
        assertThat(signatures.postForm("/sign/" + id, form).status()).isEqualTo(303);
        MimeMessage chinese = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(chineseAddress));
        assertThat(Mailbox.subject(chinese)).startsWith("请确认您的签署");
        assertThat(Mailbox.body(chinese)).startsWith("您好：\n").doesNotContain("Withheld Defender");
    }

    /** A statement drafted, scheduled in {@code timeZone} and opened for signature. */
    private static String openStatement(String title, String language, String timeZone) {
        String id = statements
                .postJson(
                        "/api/statements",
                        Map.of("title", title, "body", "We call for the release of defenders.", "language", language))
                .json()
                .get("id")
                .asString();
        assertThat(statements
                        .putJson(
                                "/api/statements/" + id + "/schedule",
                                Map.of("deadline", "2030-06-30T18:00", "signatureTarget", 10, "timeZone", timeZone))
                        .status())
                .isEqualTo(200);
        assertThat(statements.postJson("/api/statements/" + id + "/open", "").status())
                .isEqualTo(200);
        Eventually.await(
                WAIT, () -> assertThat(signatures.get("/sign/" + id).status()).isEqualTo(200));
        return id;
    }

    private static Map<String, String> organisation(String name, String country, String email, String hash) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("country", country);
        form.put("qualifier", "");
        form.put("contactName", "Contact for " + name);
        form.put("email", email);
        form.put("authorised", "true");
        form.put("revisionHash", hash);
        form.put("website", "");
        return form;
    }

    private static String hash(String id) {
        return statements
                .get("/api/statements/" + id)
                .json()
                .at("/revision/contentHash")
                .asString();
    }

    /** The value of a hidden form field of a page. */
    private static String hidden(String page, String name) {
        var match = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(page);
        assertThat(match.find()).as("hidden field %s", name).isTrue();
        return match.group(1);
    }

    /** A mailed link as a form posts to it: the page's form sends the language itself. */
    private static String path(String link) {
        return link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
    }

    private static String run() {
        return Long.toString(System.nanoTime(), 36);
    }
}
