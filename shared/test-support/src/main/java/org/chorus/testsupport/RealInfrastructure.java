package org.chorus.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts one real PostgreSQL, one real KRaft Kafka broker and one real SMTP server (GreenMail) per JVM, on free
 * ports, and stops them when the JVM exits. Where a Docker engine answers, PostgreSQL and Kafka come from
 * Testcontainers instead of embedded binaries; {@code -Dchorus.infrastructure=embedded|containers} forces a choice.
 */
public final class RealInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static final int PARTITIONS = 3;
    private static Infrastructure running;
    private static EmbeddedKafkaKraftBroker embeddedKafka;

    /** The servers of this JVM, started on first use. */
    public static synchronized Infrastructure get() {
        if (running == null) {
            List<AutoCloseable> stoppers = new ArrayList<>();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(stoppers), "chorus-infrastructure-stop"));
            running = start(Ports.free(), Ports.free(), Ports.free(), Ports.free(), stoppers);
        }
        return running;
    }

    /**
     * Starts servers on the given ports (the dev stack's fixed ports). Adds to {@code stoppers} what must be closed,
     * in reverse order, to stop them: see {@link #stopAll}.
     */
    public static Infrastructure start(
            int postgresPort, int kafkaPort, int smtpPort, int imapPort, List<AutoCloseable> stoppers) {
        long started = System.nanoTime();

        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        stoppers.add(mail::stop);

        Infrastructure infrastructure = useContainers()
                ? containers(stoppers, smtpPort, imapPort, mail)
                : embedded(stoppers, postgresPort, kafkaPort, smtpPort, imapPort, mail);
        log.info(
                "PostgreSQL, Kafka and SMTP ready in {} ms ({})",
                (System.nanoTime() - started) / 1_000_000,
                useContainers() ? "Testcontainers" : "embedded");
        return infrastructure;
    }

    private static Infrastructure embedded(
            List<AutoCloseable> stoppers, int postgresPort, int kafkaPort, int smtpPort, int imapPort, GreenMail mail) {
        try {
            Path dataDir = Files.createTempDirectory("chorus-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(postgresPort)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            stoppers.add(postgres);
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");

            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, allTopics());
            kafka.kafkaPorts(kafkaPort);
            kafka.brokerProperties(
                    Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0"));
            kafka.afterPropertiesSet();
            stoppers.add(kafka::destroy);
            embeddedKafka = kafka;
            return new Infrastructure(
                    jdbcUrl, "postgres", "postgres", kafka.getBrokersAsString(), smtpPort, imapPort, mail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Infrastructure containers(List<AutoCloseable> stoppers, int smtpPort, int imapPort, GreenMail mail) {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18");
        postgres.start();
        stoppers.add(postgres::stop);
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
        kafka.start();
        stoppers.add(kafka::stop);
        KafkaTopics.create(kafka.getBootstrapServers(), PARTITIONS, allTopics());
        return new Infrastructure(
                postgres.getJdbcUrl(),
                postgres.getUsername(),
                postgres.getPassword(),
                kafka.getBootstrapServers(),
                smtpPort,
                imapPort,
                mail);
    }

    private static String[] allTopics() {
        return Topics.ALL.stream()
                .flatMap(topic -> java.util.stream.Stream.of(topic, Topics.deadLetter(topic)))
                .toArray(String[]::new);
    }

    private static boolean useContainers() {
        String choice = System.getProperty("chorus.infrastructure", "auto");
        if (!choice.equals("auto")) {
            return choice.equals("containers");
        }
        boolean dockerConfigured =
                System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        return dockerConfigured && DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * Stops the embedded Kafka broker of this JVM for {@code down} and starts it again on the same port with the same
     * log (its KRaft controller keeps running): a broker restart for the fault scenarios of infra/bench.
     */
    public static void restartKafka(Duration down) throws InterruptedException {
        if (embeddedKafka == null) {
            throw new IllegalStateException("only the embedded Kafka broker can be restarted here");
        }
        var brokers = embeddedKafka.getCluster().brokers().values();
        for (var broker : brokers) {
            broker.shutdown();
            broker.awaitShutdown();
        }
        Thread.sleep(down.toMillis());
        for (var broker : brokers) {
            broker.startup();
        }
    }

    public static void stopAll(List<AutoCloseable> stoppers) {
        for (int i = stoppers.size() - 1; i >= 0; i--) {
            try {
                stoppers.get(i).close();
            } catch (Exception e) {
                log.debug("stopping test infrastructure: {}", e.toString());
            }
        }
    }

    private RealInfrastructure() {}
}
