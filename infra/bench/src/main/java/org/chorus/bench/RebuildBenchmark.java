package org.chorus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
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
import org.chorus.events.EventType;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationDeclined;
import org.chorus.events.InvitationOpened;
import org.chorus.events.InvitationSent;
import org.chorus.events.MailBounced;
import org.chorus.events.MailDelivered;
import org.chorus.events.ScheduleSet;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureRejected;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilding tracking's projections from the log: N events (default 1,000,000) of many statements are put on the
 * statements, signatures and distribution topics, then tracking, started from its jar with its live listeners off,
 * rebuilds every projection from the beginning of the topics into its shadow schema ({@code POST
 * /api/admin/rebuild}). The figure is events applied per second over the rebuild's own seconds (replay, catching up
 * and the comparison with the empty live tables). Ceiling: the same records read from the broker and decoded by a
 * plain consumer, no database, same run.
 */
final class RebuildBenchmark {
    private static final String HASH = "c".repeat(64);
    private static final List<String> COUNTRIES =
            List.of("GB", "FR", "KE", "BR", "IN", "EG", "US", "DE", "ZA", "MX", "TN", "PH", "NG", "AR", "JP");
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "zh", "ru");
    private static final int INVITEES = 40;
    private static final int SIGNERS = 400;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Result measure(Path repository, Infrastructure infrastructure, long events) throws Exception {
        long producing = System.nanoTime();
        long statements = produce(infrastructure, events);
        double produceSeconds = (System.nanoTime() - producing) / 1e9;
        System.out.printf(
                "produced %,d events about %,d statements in %.1f s (%.0f events/s)%n",
                events, statements, produceSeconds, events / produceSeconds);

        double ceiling = readAndDecode(infrastructure);
        System.out.printf("ceiling: a plain consumer reads and decodes %.0f events/s%n", ceiling);

        try (ServiceProcess tracking = ServiceProcess.start(
                repository, "tracking", Ports.free(), infrastructure, "--spring.kafka.listener.auto-startup=false")) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + tracking.port
                                            + "/api/admin/rebuild?timeoutSeconds=3600"))
                                    .timeout(Duration.ofHours(1))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode report = JSON.readTree(response.body());
            double seconds = report.get("seconds").asDouble();
            long applied = report.get("eventsApplied").asLong();
            double rate = applied / seconds;
            if (!report.get("caughtUp").asBoolean() || applied != events) {
                throw new IllegalStateException("the rebuild did not apply every event: " + report);
            }
            return new Result(
                    "rebuild",
                    rate,
                    "events/s",
                    ceiling,
                    rate / ceiling,
                    null,
                    null,
                    ("%,d events (%,d statements; confirmations, withdrawals, rejections, invitations created, sent,"
                                    + " delivered or bounced, opened, declined, schedules) rebuilt in %.1f s into the"
                                    + " shadow schema, live listeners off; batches of 500 events per transaction, their"
                                    + " ids recorded in one statement; ceiling = the same records read and decoded by a plain"
                                    + " consumer without a database; 2 cores shared by tracking, PostgreSQL and Kafka")
                            .formatted(events, statements, seconds));
        }
    }

    /** Puts {@code total} events on the topics, statement after statement; returns how many statements. */
    private static long produce(Infrastructure infrastructure, long total) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        Random random = new Random(42);
        long statements = 0;
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            Sender sender = new Sender(producer, total);
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            while (!sender.full()) {
                statements++;
                UUID statement = UUID.randomUUID();
                Instant at = start.plus(Duration.ofMinutes(statements));
                String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
                sender.send(
                        EventTypes.STATEMENT_OPENED,
                        statement,
                        at,
                        new StatementOpened(statement, "Statement " + statements, language, 1, "Text.", HASH));
                sender.send(
                        EventTypes.SCHEDULE_SET,
                        statement,
                        at,
                        new ScheduleSet(statement, at.plus(Duration.ofDays(20)), 300, null, "UTC"));
                List<UUID> invitations = new ArrayList<>();
                for (int i = 0; i < INVITEES && !sender.full(); i++) {
                    UUID invitation = UUID.randomUUID();
                    UUID request = UUID.randomUUID();
                    invitations.add(invitation);
                    String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                    sender.send(
                            EventTypes.INVITATION_CREATED,
                            statement,
                            at,
                            new InvitationCreated(
                                    invitation, statement, 1 + i / 20, "Organisation " + i, country, language));
                    sender.send(
                            EventTypes.INVITATION_SENT,
                            statement,
                            at,
                            new InvitationSent(invitation, statement, request));
                    if (random.nextInt(100) < 5) {
                        sender.send(
                                EventTypes.MAIL_BOUNCED,
                                statement,
                                at,
                                new MailBounced(request, "invitation", true, "550 5.1.1 unknown"));
                        continue;
                    }
                    sender.send(
                            EventTypes.MAIL_DELIVERED,
                            statement,
                            at,
                            new MailDelivered(request, "invitation", "<" + request + "@chorus>"));
                    if (random.nextBoolean()) {
                        sender.send(
                                EventTypes.INVITATION_OPENED,
                                statement,
                                at,
                                new InvitationOpened(invitation, statement));
                    }
                    if (random.nextInt(100) < 5) {
                        sender.send(
                                EventTypes.INVITATION_DECLINED,
                                statement,
                                at,
                                new InvitationDeclined(invitation, statement));
                    }
                }
                for (int s = 0; s < SIGNERS && !sender.full(); s++) {
                    UUID signature = UUID.randomUUID();
                    Instant confirmed = at.plus(Duration.ofMinutes(s));
                    boolean invited = s < invitations.size() && random.nextInt(100) < 30;
                    boolean withheld = random.nextInt(100) < 10;
                    sender.send(
                            EventTypes.SIGNATURE_CONFIRMED,
                            statement,
                            confirmed,
                            new SignatureConfirmed(
                                    signature,
                                    statement,
                                    invited || random.nextInt(100) < 30
                                            ? SignatoryKind.ORGANISATION
                                            : SignatoryKind.INDIVIDUAL,
                                    withheld ? null : "Signer " + s,
                                    COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                                    null,
                                    1,
                                    HASH,
                                    confirmed,
                                    withheld ? Visibility.WITHHELD : Visibility.PUBLIC,
                                    invited ? invitations.get(s) : null,
                                    invited ? 1 + s / 20 : null));
                    int fate = random.nextInt(100);
                    if (fate < 5) {
                        sender.send(
                                EventTypes.SIGNATURE_WITHDRAWN,
                                statement,
                                confirmed.plusSeconds(3600),
                                new SignatureWithdrawn(signature, statement));
                    } else if (fate < 7) {
                        sender.send(
                                EventTypes.SIGNATURE_REJECTED,
                                statement,
                                confirmed.plusSeconds(600),
                                new SignatureRejected(signature, statement, "duplicate"));
                    }
                }
            }
            producer.flush();
        }
        return statements;
    }

    /** Sends until {@code total} events are on the topics, keyed by statement as the producers do. */
    private static final class Sender {
        private final KafkaProducer<String, String> producer;
        private final long total;
        private long sent;

        Sender(KafkaProducer<String, String> producer, long total) {
            this.producer = producer;
            this.total = total;
        }

        boolean full() {
            return sent >= total;
        }

        <T> void send(EventType<T> type, UUID statement, Instant time, T data) {
            if (full()) {
                return;
            }
            String source = "/" + type.topic().substring("chorus.".length());
            producer.send(new ProducerRecord<>(
                    type.topic(),
                    statement.toString(),
                    EventCodec.write(Envelope.of(type, source, statement, time, data))));
            sent++;
        }
    }

    /** Reads the three topics from the beginning and decodes every record; returns records per second. */
    private static double readAndDecode(Infrastructure infrastructure) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.STATEMENTS, Topics.SIGNATURES, Topics.DISTRIBUTION)) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            long read = 0;
            while (end.entrySet().stream().anyMatch(entry -> consumer.position(entry.getKey()) < entry.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (EventCodec.read(record.value()).id() != null) {
                        read++;
                    }
                }
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    private RebuildBenchmark() {}
}
