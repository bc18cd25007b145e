package org.chorus.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.chorus.events.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics a service owns, each with its dead-letter topic. */
public final class TopicDeclarations {

    public static KafkaAdmin.NewTopics owned(int partitions, String... topics) {
        List<NewTopic> all = new ArrayList<>();
        for (String topic : topics) {
            all.add(TopicBuilder.name(topic).partitions(partitions).build());
            all.add(TopicBuilder.name(Topics.deadLetter(topic))
                    .partitions(partitions)
                    .build());
        }
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    private TopicDeclarations() {}
}
