package org.chorus.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;

/**
 * Where the running PostgreSQL, Kafka broker and mail server listen. The mail server (GreenMail) speaks SMTP and IMAP;
 * any user name and password log in to IMAP, and a mailbox exists once mail was delivered to it.
 */
public record Infrastructure(
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String kafkaBootstrap,
        int smtpPort,
        int imapPort,
        GreenMail mail) {

    /** Spring properties that point a Chorus service at these servers. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", dbUser,
                "spring.datasource.password", dbPassword,
                "spring.kafka.bootstrap-servers", kafkaBootstrap,
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtpPort,
                "chorus.mail.imap.host", "127.0.0.1",
                "chorus.mail.imap.port", imapPort);
    }
}
