package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An address at an IP address or at a single name (localhost) reaches no signer's mailbox: refused, and said why. */
@ChorusServiceTest
class AddressesThatReachNoMailboxTest {
    private static final List<String> NO_MAILBOX =
            List.of("a@[127.0.0.1]", "a@[IPv6:::1]", "a@127.0.0.1", "a@localhost", "a@localhost.");
    private static final Map<String, String> SAYS = Map.of(
            "en", "we cannot send mail to an IP address",
            "fr", "nous ne pouvons pas écrire à une adresse IP",
            "es", "no podemos enviar correo a una dirección IP",
            "ar", "لا يمكننا إرسال البريد إلى عنوان IP",
            "ru", "мы не можем отправлять письма на IP-адрес",
            "zh", "我们无法向 IP 地址或 localhost 这类名称发送邮件");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressAtAnIpOrASingleNameIsRefusedOnTheSignFormInTheSignersLanguageKeepingWhatTheyTyped() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Addresses that reach no one", "en", "Text.");
        for (String address : NO_MAILBOX) {
            for (var language : SAYS.entrySet()) {
                Map<String, String> form = Statements.organisation("Defenders Network", "KE", address);
                form.put("qualifier", "Nairobi office");
                form.put("lang", language.getKey());

                var answer = http.postForm("/sign/" + statementId, form);

                assertThat(answer.status()).as(address).isEqualTo(400);
                assertThat(answer.body())
                        .as("%s in %s", address, language.getKey())
                        .contains(language.getValue())
                        .contains(
                                "value=\"Defenders Network\"",
                                "value=\"Nairobi office\"",
                                "value=\"Contact for Defenders Network\"",
                                "value=\"" + address + "\"");
            }
        }
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.postForm(
                                "/sign/" + statementId,
                                Statements.organisation("Defenders Network", "KE", "office@defenders.example."))
                        .status())
                .as("a trailing dot on a real domain name is still fine")
                .isEqualTo(303);
    }

    @Test
    void anInvitationToAnAddressAtAnIpOrASingleNameIsRefusedNamingTheField() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Invitations that reach no one", "en", "Text.");
        for (String address : NO_MAILBOX) {
            var answer = http.postJson(
                    "/api/statements/" + statementId + "/invitations",
                    Map.of("invitations", List.of(Map.of("organisation", "Fine", "email", address))));

            assertThat(answer.status()).as(address).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("invitations[0].email", "at a domain name");
        }
        assertThat(jdbc.sql("select count(*) from invitation where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
