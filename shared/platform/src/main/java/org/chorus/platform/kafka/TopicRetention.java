package org.chorus.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the broker keeps records that may hold personal data: {@code chorus.mail-requests} (sealed, but a
 * request that was never opened should not wait forever) and every dead-letter topic (a record set aside may hold
 * anything its topic carries). Declared as {@code retention.ms} on the topics' NewTopic beans and applied to existing
 * topics at start ({@code spring.kafka.admin.modify-topic-configs}).
 */
@ConfigurationProperties("chorus.kafka.retention")
public record TopicRetention(
        @DefaultValue("7d") Duration mailRequests,
        @DefaultValue("14d") Duration deadLetters) {}
