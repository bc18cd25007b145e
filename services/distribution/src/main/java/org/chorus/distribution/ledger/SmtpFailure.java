package org.chorus.distribution.ledger;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Why a mail was not sent, with addresses and IPs taken out, and whether trying again could help. */
record SmtpFailure(String reason, boolean permanent) {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"']+");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");
    private static final Pattern IPV6 = Pattern.compile("\\b[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}\\b");
    private static final int MAX_REASON = 300;

    /** The same reason, but worth another try: the mail itself was never attempted. */
    SmtpFailure temporary() {
        return new SmtpFailure(reason, false);
    }

    static SmtpFailure of(Throwable failure) {
        return new SmtpFailure(reason(failure), isPermanent(failure));
    }

    private static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException rejected) {
                return rejected.getReturnCode() >= 500;
            }
            if (t instanceof SMTPSenderFailedException rejected) {
                return rejected.getReturnCode() >= 500;
            }
            if (t instanceof SMTPSendFailedException rejected) {
                return rejected.getReturnCode() >= 500;
            }
            if (t instanceof SendFailedException rejected
                    && rejected.getInvalidAddresses() != null
                    && rejected.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String clean = IPV6.matcher(IPV4.matcher(ADDRESS.matcher(message).replaceAll("<address>"))
                        .replaceAll("<ip>"))
                .replaceAll("<ip>")
                .strip();
        return clean.length() > MAX_REASON ? clean.substring(0, MAX_REASON) : clean;
    }
}
