package org.chorus.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailureTest {

    @Test
    void aMailboxTheServerRejectsForGoodIsAPermanentFailure() throws AddressException {
        InternetAddress address = new InternetAddress("gone@example.org");
        var rejected = new SMTPAddressFailedException(address, "RCPT TO", 550, "550 5.1.1 <gone@example.org> unknown");
        var failure = SmtpFailure.of(new SendFailedException(
                "Invalid Addresses", rejected, new Address[0], new Address[0], new Address[] {address}));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).contains("550 5.1.1").doesNotContain("gone@example.org");
    }

    @Test
    void aMailboxThatIsBusyForNowIsWorthAnotherTry() throws AddressException {
        var busy = new SMTPAddressFailedException(
                new InternetAddress("busy@example.org"), "RCPT TO", 450, "450 4.2.1 mailbox busy");

        assertThat(SmtpFailure.of(busy).permanent()).isFalse();
    }

    @Test
    void anUnreachableServerIsWorthAnotherTryAndItsAddressIsNotRecorded() {
        var unreachable = new MessagingException(
                "Couldn't connect to host", new ConnectException("Connection refused to 192.0.2.10:25"));

        var failure = SmtpFailure.of(unreachable);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).contains("Connection refused").doesNotContain("192.0.2.10");
    }

    @Test
    void anAddressThatCannotBeParsedIsAPermanentFailure() {
        var failure = SmtpFailure.of(new AddressException("Local address contains control or whitespace"));

        assertThat(failure.permanent()).isTrue();
    }
}
