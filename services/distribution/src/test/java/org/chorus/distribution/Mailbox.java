package org.chorus.distribution;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.RealInfrastructure;

/** What the JVM's SMTP server received for one address; other tests' mail stays out of sight. */
public final class Mailbox {

    public static String uniqueAddress(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(RealInfrastructure.get().mail().getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .toList();
    }

    public static String body(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-IDs of every mail the server received, by recipient address (lower case), in arrival order. */
    public static Map<String, List<String>> messageIdsByRecipient() {
        Map<String, List<String>> ids = new HashMap<>();
        try {
            for (MimeMessage message : RealInfrastructure.get().mail().getReceivedMessages()) {
                Address[] recipients = message.getAllRecipients();
                if (recipients == null) {
                    continue;
                }
                for (Address recipient : recipients) {
                    if (recipient instanceof InternetAddress internet) {
                        ids.computeIfAbsent(internet.getAddress().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                                .add(message.getMessageID());
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients)
                            .anyMatch(recipient -> recipient instanceof InternetAddress internet
                                    && address.equalsIgnoreCase(internet.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mailbox() {}
}
