package org.chorus.statements;

import org.chorus.events.Topics;
import org.chorus.platform.ChorusPlatform;
import org.chorus.platform.kafka.TopicDeclarations;
import org.chorus.platform.kafka.TopicRetention;
import org.chorus.platform.web.ClientAddresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/** No generated in-memory user: coordinators are accounts in the database (see accounts). */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Import(ChorusPlatform.class)
@ConfigurationPropertiesScan
public class StatementsApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatementsApplication.class).properties("spring.config.name=statements");
    }

    public static void main(String[] args) {
        application().run(args);
    }

    @Bean
    ClientAddresses clientAddresses(Environment environment) {
        return ClientAddresses.configured(environment, "chorus.statements.trusted-proxies");
    }

    @Bean
    KafkaAdmin.NewTopics ownedTopics(@Value("${chorus.kafka.partitions}") int partitions, TopicRetention retention) {
        return TopicDeclarations.owned(partitions, retention, Topics.STATEMENTS);
    }
}
