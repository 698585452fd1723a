package org.visaport.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.visaport.deploy.Ports;

/**
 * The tests' SMTP server: GreenMail in the test JVM on a free loopback port, started at most once per JVM, accepting
 * any sender and recipient. The test Keycloak sends its realm's mail (verification links) here.
 */
public final class TestMail {

    /** A received mail as a reader sees it: subject and the decoded text of every text part. */
    public record Mail(String subject, String text) {
    }

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized int smtpPort() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(Ports.findFree(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "test-mail-stop"));
            server = mail;
        }
        return server.getSmtp().getPort();
    }

    /** The mail received for this address so far, oldest first. */
    public static List<Mail> receivedBy(String address) {
        smtpPort();
        for (int attempt = 1; ; attempt++) {
            try {
                return server.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true)
                        .map(TestMail::read)
                        .toList();
            } catch (java.util.ConcurrentModificationException mailArrivedWhileReading) {
                // GreenMail's mailboxes change under a reader while a mail is delivered: read again.
                if (attempt == 5) {
                    throw mailArrivedWhileReading;
                }
            }
        }
    }

    /** Waits (bounded, to end a failing test) until a mail for this address arrives, and returns the newest. */
    public static Mail await(String address, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        while (true) {
            List<Mail> received = receivedBy(address);
            if (!received.isEmpty()) {
                return received.getLast();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no mail for " + address + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            appendText(message, text);
            return new Mail(message.getSubject(), text.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail: " + e.getMessage(), e);
        }
    }

    private static void appendText(Part part, StringBuilder text) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                appendText(child, text);
            }
        }
    }
}
