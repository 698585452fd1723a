package org.visaport.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpFailuresTest {

    @Test
    void anInvalidAddressOrA5xxReplyIsPermanent() throws Exception {
        assertThat(SmtpFailures.permanent(new AddressException("Local address contains dot-dot", "a..b@example.org"))).isTrue();
        assertThat(SmtpFailures.permanent(failedSend(new SendFailedException("Invalid Addresses", null, new Address[0],
                new Address[0], new Address[] {new InternetAddress("nobody@example.org")})))).isTrue();
        // How JavaMail's SMTP transport reports a refusal: the server's reply as the message.
        assertThat(SmtpFailures.permanent(failedSend(new MessagingException("550 5.1.1 <nobody@example.org>: user unknown")))).isTrue();
    }

    @Test
    void aRefusedConnectionOrA4xxReplyIsTransient() {
        assertThat(SmtpFailures.permanent(new MailSendException("Mail server connection failed",
                new MessagingException("Could not connect to SMTP host", new ConnectException("Connection refused"))))).isFalse();
        assertThat(SmtpFailures.permanent(failedSend(new MessagingException("451 4.3.0 Try again later")))).isFalse();
        assertThat(SmtpFailures.permanent(failedSend(new MessagingException("Exception reading response")))).isFalse();
    }

    /** As Spring's sender reports a message the transport could not send. */
    private static MailSendException failedSend(Exception cause) {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        failed.put("message", cause);
        return new MailSendException(failed);
    }
}
