package org.visaport.notification.mail;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.mail.MailSendException;

/**
 * Tells a failure that trying again will not mend from one that it may: an address that is no address, or a
 * permanent (5xx) SMTP reply such as "550 no such user", against a connection refused or a 4xx "try later".
 */
final class SmtpFailures {

    /** The reply a mail server gave: JavaMail's SMTP exceptions carry it as their message ("550 5.1.1 …"). */
    private static final Pattern PERMANENT_REPLY = Pattern.compile("^\\s*5\\d\\d[ -].*", Pattern.DOTALL);

    private SmtpFailures() {
    }

    static boolean permanent(Exception failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0) {
                return true;
            }
            if (cause.getMessage() != null && PERMANENT_REPLY.matcher(cause.getMessage()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The failure, its causes, and for a failed send the failure of each message with theirs. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
            if (cause instanceof MailSendException send) {
                for (Exception perMessage : send.getMessageExceptions()) {
                    causes.addAll(causes(perMessage));
                }
            }
        }
        return causes;
    }
}
