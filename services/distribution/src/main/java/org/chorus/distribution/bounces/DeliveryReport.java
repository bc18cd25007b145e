package org.chorus.distribution.bounces;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a delivery status notification (RFC 3464) says: which of our mails it is about, found by Message-ID in the
 * returned message or headers part, In-Reply-To/References, or the text; whether it is permanent (status 5.x.x) or
 * temporary (4.x.x); and why, with addresses taken out.
 */
record DeliveryReport(String originalMessageId, boolean hard, String reason) {
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<[A-Za-z0-9.\\-]+@chorus>");
    private static final Pattern STATUS = Pattern.compile("(?im)^\\s*Status:\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])\\d\\d[ -]([45])\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^\\s*Diagnostic-Code:\\s*(?:smtp;)?\\s*(.+)$");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@;:]+@[^\\s<>\"';]+");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");

    static Optional<DeliveryReport> of(MimeMessage message) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        String returnedId = collect(message, text);
        String original = returnedId != null ? returnedId : ours(message.getHeader("In-Reply-To", " "));
        if (original == null) {
            original = ours(message.getHeader("References", " "));
        }
        if (original == null) {
            original = ours(text.toString());
        }
        if (original == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReport(original, hard(text.toString()), reason(text.toString())));
    }

    /** Appends the readable text of every part; returns the Message-ID of a returned message or headers part. */
    private static String collect(Part part, StringBuilder text) throws MessagingException, IOException {
        String found = null;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String id = collect(child, text);
                if (found == null) {
                    found = id;
                }
            }
        } else if (part.isMimeType("message/rfc822")) {
            Object content = part.getContent();
            if (content instanceof MimeMessage returned) {
                found = ours(returned.getHeader("Message-ID", " "));
            }
        } else if (part.isMimeType("text/rfc822-headers")) {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw(part)));
            found = ours(headers.getHeader("Message-ID", " "));
        } else if (part.isMimeType("text/*") || part.isMimeType("message/delivery-status")) {
            text.append(new String(raw(part), StandardCharsets.UTF_8)).append('\n');
        }
        return found;
    }

    private static byte[] raw(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String string) {
            return string.getBytes(StandardCharsets.UTF_8);
        }
        if (content instanceof InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            }
        }
        if (content instanceof InternetHeaders headers) {
            StringBuilder all = new StringBuilder();
            for (Enumeration<Header> e = headers.getAllHeaders(); e.hasMoreElements(); ) {
                Header header = e.nextElement();
                all.append(header.getName())
                        .append(": ")
                        .append(header.getValue())
                        .append('\n');
            }
            return all.toString().getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream stream = part.getInputStream()) {
            return stream.readAllBytes();
        }
    }

    private static String ours(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = OUR_MESSAGE_ID.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    private static boolean hard(String text) {
        Matcher status = STATUS.matcher(text);
        if (status.find()) {
            return status.group(1).equals("5");
        }
        Matcher code = SMTP_CODE.matcher(text);
        if (code.find()) {
            return code.group(1).equals("5");
        }
        return false;
    }

    private static String reason(String text) {
        Matcher diagnostic = DIAGNOSTIC.matcher(text);
        String reason;
        if (diagnostic.find()) {
            reason = diagnostic.group(1);
        } else {
            Matcher status = STATUS.matcher(text);
            reason = status.find() ? "status " + status.group(1) + "." + status.group(2) + "." + status.group(3) : "";
        }
        return clean(reason);
    }

    static String clean(String reason) {
        if (reason == null) {
            return null;
        }
        String clean = IPV4.matcher(ADDRESS.matcher(reason).replaceAll("<address>"))
                .replaceAll("<ip>")
                .strip();
        return clean.length() > 300 ? clean.substring(0, 300) : clean;
    }
}
