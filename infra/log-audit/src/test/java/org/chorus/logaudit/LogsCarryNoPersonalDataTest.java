package org.chorus.logaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Signers work where being on a list is dangerous: nothing Chorus logs may name them or say where they connect from.
 * Every service test sends its requests as if from a documentation-range address through a proxy, uses e-mail
 * addresses for signers and contacts, and uses {@link #WITHHELD_MARKER} in withheld signers' names; this reads what
 * all test JVMs of this build logged (target/test-logs/test.log of each module) and fails on any of them.
 */
class LogsCarryNoPersonalDataTest {
    static final String WITHHELD_MARKER = "Withheld-Marker";
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern DOCUMENTATION_ADDRESS =
            Pattern.compile("\\b(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}\\b");

    @Test
    void noModuleLoggedAnEmailAddressAClientAddressOrAWithheldName() throws IOException {
        List<Path> logs = testLogs();
        assertThat(logs).as("test logs of the service modules").isNotEmpty();

        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (EMAIL.matcher(line).find()
                        || DOCUMENTATION_ADDRESS.matcher(line).find()
                        || line.contains(WITHHELD_MARKER)) {
                    findings.add(log + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertThat(findings).as("log lines with personal data").isEmpty();
    }

    @Test
    void theAuditRecognisesWhatItLooksFor() {
        assertThat(EMAIL.matcher("confirmation sent to l4l@lawyersforlawyers.example")
                        .find())
                .isTrue();
        assertThat(EMAIL.matcher("Message-ID <c1a2b3d4@chorus> from chorus@localhost")
                        .find())
                .isFalse();
        assertThat(DOCUMENTATION_ADDRESS.matcher("request from 203.0.113.77").find())
                .isTrue();
        assertThat(DOCUMENTATION_ADDRESS
                        .matcher("Kafka version: 4.1.2 on 127.0.0.1:9092")
                        .find())
                .isFalse();
    }

    private static List<Path> testLogs() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root, 5)) {
            return files.filter(path -> path.endsWith(Path.of("target", "test-logs", "test.log")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
