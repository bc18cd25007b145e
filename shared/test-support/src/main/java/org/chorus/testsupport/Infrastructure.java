package org.chorus.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;

/** Where the running PostgreSQL, Kafka broker and SMTP server listen. */
public record Infrastructure(
        String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrap, int smtpPort, GreenMail mail) {

    /** Spring properties that point a Chorus service at these servers. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", dbUser,
                "spring.datasource.password", dbPassword,
                "spring.kafka.bootstrap-servers", kafkaBootstrap,
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtpPort);
    }
}
