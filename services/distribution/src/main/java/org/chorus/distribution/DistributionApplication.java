package org.chorus.distribution;

import org.chorus.events.Topics;
import org.chorus.platform.ChorusPlatform;
import org.chorus.platform.kafka.TopicDeclarations;
import org.chorus.platform.kafka.TopicRetention;
import org.chorus.platform.sealing.MailSealing;
import org.chorus.platform.sealing.Secrets;
import org.chorus.platform.sealing.SignatorySealing;
import org.chorus.platform.web.ConsoleCsrf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@Import({ChorusPlatform.class, MailSealing.Distribution.class, SignatorySealing.Distribution.class})
public class DistributionApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(DistributionApplication.class)
                .properties("spring.config.name=distribution");
    }

    public static void main(String[] args) {
        application().run(args);
    }

    @Bean
    ConsoleCsrf consoleCsrf(Environment environment) {
        return new ConsoleCsrf(Secrets.key(environment, "chorus.distribution.console-secret"));
    }

    @Bean
    KafkaAdmin.NewTopics ownedTopics(@Value("${chorus.kafka.partitions}") int partitions, TopicRetention retention) {
        return TopicDeclarations.owned(partitions, retention, Topics.DISTRIBUTION, Topics.MAIL_REQUESTS);
    }
}
