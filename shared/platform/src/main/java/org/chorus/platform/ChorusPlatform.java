package org.chorus.platform;

import java.time.Clock;
import org.chorus.platform.inbox.Inbox;
import org.chorus.platform.kafka.KafkaListeners;
import org.chorus.platform.kafka.TopicRetention;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.outbox.OutboxRelay;
import org.chorus.platform.web.ApiErrors;
import org.chorus.platform.web.ContainerErrors;
import org.chorus.platform.web.CoordinatorGate;
import org.chorus.platform.web.NulInJson;
import org.chorus.platform.web.ProblemErrorController;
import org.chorus.platform.web.SecurityHeaders;
import org.chorus.platform.web.SlowClients;
import org.chorus.platform.web.UnstorableInput;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JacksonModule;

/** Imported by every service's application class: the mechanics they share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicRetention.class)
@Import({
    Outbox.class,
    OutboxRelay.class,
    Inbox.class,
    KafkaListeners.class,
    ApiErrors.class,
    SecurityHeaders.class,
    SlowClients.class,
    UnstorableInput.class,
    CoordinatorGate.class,
    ProblemErrorController.class,
    ContainerErrors.class
})
public class ChorusPlatform {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** JSON bodies whose strings hold NUL are refused with 400 problem+json ({@link NulInJson}). */
    @Bean
    JacksonModule nulInJson() {
        return NulInJson.module();
    }
}
