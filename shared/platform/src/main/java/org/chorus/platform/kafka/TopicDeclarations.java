package org.chorus.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.chorus.events.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service owns, each with its dead-letter topic. Dead-letter topics and {@code chorus.mail-requests}
 * keep records only for their {@link TopicRetention}; the other topics are the history projections are rebuilt from
 * and carry no personal data, so they keep everything.
 */
public final class TopicDeclarations {

    public static KafkaAdmin.NewTopics owned(int partitions, TopicRetention retention, String... topics) {
        List<NewTopic> all = new ArrayList<>();
        for (String topic : topics) {
            TopicBuilder owned = TopicBuilder.name(topic).partitions(partitions);
            if (topic.equals(Topics.MAIL_REQUESTS)) {
                owned.config(TopicConfig.RETENTION_MS_CONFIG, millis(retention.mailRequests()));
            }
            all.add(owned.build());
            all.add(TopicBuilder.name(Topics.deadLetter(topic))
                    .partitions(partitions)
                    .config(TopicConfig.RETENTION_MS_CONFIG, millis(retention.deadLetters()))
                    .build());
        }
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }

    private TopicDeclarations() {}
}
