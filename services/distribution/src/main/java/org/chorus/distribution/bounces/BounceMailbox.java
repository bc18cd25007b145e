package org.chorus.distribution.bounces;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.distribution.unsubscribe.Unsubscribes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads delivery status notifications from the bounce mailbox over IMAP (Jakarta Mail), applies each once, and
 * deletes it. The same mailbox is the {@code mailto:} of List-Unsubscribe: a mail with the subject
 * {@code unsubscribe <token>} unsubscribes like the one-click link. Polls every {@code chorus.mail.imap.poll-ms}; does nothing while {@code chorus.mail.imap.host} is unset.
 */
@Component
class BounceMailbox {
    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private static final Pattern UNSUBSCRIBE = Pattern.compile("(?i)\\s*unsubscribe\\s+([A-Za-z0-9_-]{43})\\s*");

    private final Bounces bounces;
    private final Unsubscribes unsubscribes;
    private final Clock clock;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private volatile boolean failing;

    BounceMailbox(
            Bounces bounces,
            Unsubscribes unsubscribes,
            Clock clock,
            @Value("${chorus.mail.imap.host:}") String host,
            @Value("${chorus.mail.imap.port:143}") int port,
            @Value("${chorus.mail.imap.user:bounces@localhost}") String user,
            @Value("${chorus.mail.imap.password:bounces}") String password) {
        this.bounces = bounces;
        this.unsubscribes = unsubscribes;
        this.clock = clock;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    @Scheduled(
            fixedDelayString = "${chorus.mail.imap.poll-ms:30000}",
            initialDelayString = "${chorus.mail.imap.poll-ms:30000}")
    void poll() {
        try {
            pollNow();
            failing = false;
        } catch (MessagingException | RuntimeException e) {
            if (!failing) {
                log.warn(
                        "Could not read the bounce mailbox (logged once until it works again): {}",
                        DeliveryReport.clean(e.toString()));
            }
            failing = true;
        }
    }

    /** Reads and applies every report in the mailbox now; returns how many reports were matched to our mail. */
    synchronized int pollNow() throws MessagingException {
        if (host.isBlank()) {
            return 0;
        }
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(host, port, user, password);
        int matched = 0;
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    if (apply((MimeMessage) message)) {
                        matched++;
                    }
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        } finally {
            store.close();
        }
        return matched;
    }

    private boolean apply(MimeMessage message) throws MessagingException {
        Matcher unsubscribe = UNSUBSCRIBE.matcher(message.getSubject() == null ? "" : message.getSubject());
        if (unsubscribe.matches()) {
            boolean known = unsubscribes.unsubscribeByMail(unsubscribe.group(1), clock.instant());
            log.info("An unsubscribe request arrived by mail ({})", known ? "applied" : "unknown token");
            return known;
        }
        try {
            Optional<DeliveryReport> report = DeliveryReport.of(message);
            if (report.isEmpty()) {
                log.info("A message in the bounce mailbox is not about any mail we sent; deleted");
                return false;
            }
            Bounces.Outcome outcome = bounces.apply(
                    reportId(message),
                    report.get().originalMessageId(),
                    report.get().hard(),
                    report.get().reason(),
                    clock.instant());
            return outcome != Bounces.Outcome.UNKNOWN_MESSAGE;
        } catch (IOException e) {
            log.warn(
                    "An unreadable message in the bounce mailbox was deleted: {}",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private static String reportId(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        if (id != null) {
            return "imap:" + id;
        }
        try {
            String basis = String.valueOf(message.getSentDate()) + message.getSubject() + message.getSize();
            return "imap:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
