package org.chorus.testsupport;

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
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The one way tests read real mail: what this JVM's SMTP server (GreenMail) received for one address, its subject and
 * body decoded, and the links in it; other tests' mail stays out of sight.
 */
public final class Mailbox {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    public static String uniqueAddress(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(RealInfrastructure.get().mail().getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .toList();
    }

    /** The one mail to {@code address}; fails while there is none or more than one. */
    public static MimeMessage onlyMessageTo(String address) {
        List<MimeMessage> messages = messagesTo(address);
        if (messages.size() != 1) {
            throw new AssertionError(messages.size() + " mails to " + address + ", not one");
        }
        return messages.get(0);
    }

    /** The first link in the body whose address holds {@code part} ("/confirm/", "/manage/"). */
    public static String link(MimeMessage message, String part) {
        return LINK.matcher(body(message))
                .results()
                .map(MatchResult::group)
                .filter(link -> link.contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + part + " link in the mail:\n" + body(message)));
    }

    /** The text body with its line ends as \n. */
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
