package org.chorus.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;

/** Reads a topic from its beginning, as an outside consumer would, and writes raw records to it. */
public final class TopicReader {

    /**
     * Waits until the topic holds a record whose value matches, and returns all such records' values up to the end of
     * the topic at that moment, oldest first within a partition.
     */
    public static List<String> awaitValues(String topic, Predicate<String> matching, Duration timeout) {
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = outsideConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                collect(consumer, matching, found);
                if (!found.isEmpty()) {
                    // read on to the end the topic had when the first match was seen, so the newest match is in
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                            && System.nanoTime() < deadline) {
                        collect(consumer, matching, found);
                    }
                    return found;
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    /** A consumer of its own group that starts at the beginning of what it subscribes to and commits nothing. */
    public static KafkaConsumer<String, String> outsideConsumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "outside-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void collect(
            KafkaConsumer<String, String> consumer, Predicate<String> matching, List<String> found) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() != null && matching.test(record.value())) {
                found.add(record.value());
            }
        }
    }

    /** Waits for events of one type about one subject. */
    public static List<Envelope<?>> awaitEvents(String topic, String type, Object subject, Duration timeout) {
        return awaitValues(topic, value -> value.contains(type) && value.contains(subject.toString()), timeout).stream()
                .<Envelope<?>>map(EventCodec::read)
                .filter(envelope ->
                        envelope.type().equals(type) && subject.toString().equals(envelope.subject()))
                .toList();
    }

    /** Writes one raw record, such as a malformed event. */
    public static void send(String topic, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrap());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /** Writes one event as its producer would. */
    public static void send(String topic, String key, Envelope<?> envelope) {
        send(topic, key, EventCodec.write(envelope));
    }

    private TopicReader() {}
}
