package org.chorus.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.chorus.events.MalformedEventException;
import org.chorus.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * How every service's listeners fail and commit. One error handler per service: a failing record is retried with
 * bounded back-off, then published to {@code <topic>.dlt} and counted in {@code chorus.kafka.dead.letters}; the
 * partition goes on. Malformed events skip the retries. Offsets are committed without waiting for the broker's
 * answer: the next poll starts one round trip sooner, and a commit lost to a crash only delivers records again, which
 * every consumer ignores by event id.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaListeners {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, exception) -> {
            meters.counter("chorus.kafka.dead.letters", "topic", record.topic()).increment();
            return new TopicPartition(Topics.deadLetter(record.topic()), -1);
        });
        var backOff = new ExponentialBackOffWithMaxRetries(4);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(2000);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asynchronousCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }
}
