package org.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** What Postfix's smtp-sink dumped: one entry per message and recipient, with the message's Message-ID. */
record SinkDump(List<Delivered> messages) {
    record Delivered(String recipient, String messageId) {}

    /** Of the messages {@link #received} kept: how many, and per recipient their distinct Message-IDs. */
    record Received(long messages, Map<String, Set<String>> messageIds, long otherMessages) {}

    static SinkDump read(Path dump) throws IOException {
        List<Delivered> messages = new ArrayList<>();
        if (!Files.exists(dump)) {
            return new SinkDump(messages);
        }
        String recipient = null;
        try (var lines = Files.lines(dump)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("X-Client-Addr: ")) {
                    recipient = null;
                } else if (line.startsWith("X-Rcpt-Args: ")) {
                    recipient = line.substring("X-Rcpt-Args: ".length())
                            .strip()
                            .split("\\s+")[0]
                            .replace("<", "")
                            .replace(">", "")
                            .toLowerCase(Locale.ROOT);
                } else if (recipient != null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    messages.add(new Delivered(recipient, line.substring(11).strip()));
                    recipient = null;
                }
            }
        }
        return new SinkDump(messages);
    }

    /** The messages whose Message-ID {@code ours} accepts, by recipient; the rest are only counted. */
    Received received(Predicate<String> ours) {
        long mine = 0;
        long others = 0;
        Map<String, Set<String>> messageIds = new HashMap<>();
        for (Delivered message : messages) {
            if (ours.test(message.messageId())) {
                mine++;
                messageIds
                        .computeIfAbsent(message.recipient(), address -> new HashSet<>())
                        .add(message.messageId());
            } else {
                others++;
            }
        }
        return new Received(mine, messageIds, others);
    }
}
