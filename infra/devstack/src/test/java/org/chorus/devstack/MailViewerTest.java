package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Ports;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A developer reads the dev stack's caught mail from a script: JSON, newest first, names and subjects decoded. */
class MailViewerTest {

    @Test
    void caughtMailIsListedAsJsonNewestFirstWithDecodedNamesSubjectsAndBodies() throws Exception {
        int smtp = Ports.free();
        GreenMail mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int port = Ports.free();
        MailViewer viewer = new MailViewer(mail, port);
        try {
            send(smtp, "Ligue de la presse", "first@ligue.example", "Confirmez votre signature", "Bonjour,\nmerci.");
            send(smtp, "رابطة الصحافة", "second@press.example", "أكد توقيعك", "شكرا لك.");

            Http.Response answer = new Http("http://localhost:" + port).get("/messages.json");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            JsonNode mails = answer.json();
            assertThat(mails.size()).isEqualTo(2);
            JsonNode newest = mails.get(0);
            assertThat(newest.get("index").asInt()).isEqualTo(1);
            assertThat(newest.get("to").get(0).get("name").asString()).isEqualTo("رابطة الصحافة");
            assertThat(newest.get("to").get(0).get("address").asString()).isEqualTo("second@press.example");
            assertThat(newest.get("subject").asString()).isEqualTo("أكد توقيعك");
            assertThat(newest.get("body").asString()).contains("شكرا لك.");
            assertThat(mails.get(1).get("to").get(0).get("name").asString()).isEqualTo("Ligue de la presse");
            assertThat(mails.get(1).get("body").asString()).contains("merci.");
            assertThat(new Http("http://localhost:" + port).get("/messages/1").body())
                    .as("each mail is readable by its index")
                    .contains("أكد توقيعك");
        } finally {
            viewer.close();
            mail.stop();
        }
    }

    private static void send(int port, String name, String address, String subject, String body) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(settings));
        message.setFrom(new InternetAddress("chorus@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, name, "UTF-8"));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }
}
