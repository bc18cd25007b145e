package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.chorus.events.Topics;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.TopicReader;

/** What an attacker reads at rest: every record of the broker, every row of the database, searched for needles. */
final class AtRest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Every record (key and value) of every topic, dead-letter topics included, from the beginning. */
    static List<String> onTopics(List<String> needles) {
        List<String> found = new ArrayList<>();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafkaBootstrap()))) {
            topics = admin.listTopics().names().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        assertThat(topics).contains(Topics.MAIL_REQUESTS, Topics.deadLetter(Topics.MAIL_REQUESTS));
        try (var consumer = TopicReader.outsideConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertThat(System.nanoTime()).as("read every topic to its end").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String text = Objects.toString(record.key(), "") + " " + Objects.toString(record.value(), "");
                    for (String needle : needles) {
                        if (text.contains(needle)) {
                            found.add("topic " + record.topic() + " offset " + record.offset() + ": " + needle);
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every row of every table of every schema, as text (bytea as hex, so plaintext in a byte column is found too).
     * What names the invitee (address, organisation) is signatures' own record of whom it invited
     * (signatures.invitation), the one place it is meant to be; everywhere else it is a needle too.
     */
    static List<String> inTables(List<String> needles, List<String> invitee) {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(
                        infrastructure().jdbcUrl(),
                        infrastructure().dbUser(),
                        infrastructure().dbPassword());
                Statement sql = db.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    select table_schema, table_name from information_schema.tables
                    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertThat(tables.stream().map(table -> table[0]))
                    .contains("statements", "signatures", "tracking", "distribution");
            for (String[] table : tables) {
                String name = '"' + table[0] + "\".\"" + table[1] + '"';
                List<String> searched = new ArrayList<>(needles);
                if (table[0].equals("signatures") && table[1].equals("invitation")) {
                    searched.removeAll(invitee);
                } else {
                    searched.addAll(invitee);
                }
                try (ResultSet rows = sql.executeQuery("select t::text from " + name + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        for (String needle : searched) {
                            String hex = HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8));
                            if (row.contains(needle) || row.contains(hex)) {
                                found.add("table " + name + ": " + needle);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static Infrastructure infrastructure() {
        return RealInfrastructure.get();
    }

    private AtRest() {}
}
