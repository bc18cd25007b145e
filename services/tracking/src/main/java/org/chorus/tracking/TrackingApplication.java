package org.chorus.tracking;

import org.chorus.events.Topics;
import org.chorus.platform.ChorusPlatform;
import org.chorus.platform.kafka.TopicDeclarations;
import org.chorus.platform.kafka.TopicRetention;
import org.chorus.platform.sealing.SignatorySealing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import({ChorusPlatform.class, SignatorySealing.Tracking.class})
@EnableScheduling
@EnableConfigurationProperties(TrackingProperties.class)
public class TrackingApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(TrackingApplication.class).properties("spring.config.name=tracking");
    }

    public static void main(String[] args) {
        application().run(args);
    }

    @Bean
    KafkaAdmin.NewTopics ownedTopics(@Value("${chorus.kafka.partitions}") int partitions, TopicRetention retention) {
        return TopicDeclarations.owned(partitions, retention, Topics.TRACKING);
    }
}
