package org.visaport.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends what the mail outbox holds: right after a mail is stored (in the background, so a slow or absent mail server
 * never holds up the event consumers), and on a schedule for retries and anything the immediate send missed. A
 * failed mail waits with exponential back-off, bounded, and is tried again until it goes out, unless it is refused
 * for good (an invalid address, a 5xx reply): then it is parked as FAILED after a few attempts and counted in
 * {@code visaport_mail_failed_total}, for alerting.
 */
@Service
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final TaskExecutor background;
    private final Counter failed;

    MailDispatcher(MailOutbox outbox, JavaMailSender sender, MailProperties properties,
                   @Qualifier("applicationTaskExecutor") TaskExecutor background, MeterRegistry registry) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.background = background;
        this.failed = Counter.builder("visaport.mail.failed")
                .description("Mails refused for good and parked, not retried").register(registry);
    }

    /** Stores the mails, then sends them at once, best effort: whatever does not go out now the schedule sends. */
    public void enqueue(Collection<OutboxMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        outbox.store(mails);
        List<String> ids = mails.stream().map(OutboxMail::id).toList();
        background.execute(() -> {
            for (String id : ids) {
                Optional<OutboxMail> claimed = outbox.claim(id);
                // After a failure the mail server is likely down for the rest too; the schedule will retry them.
                if (claimed.isPresent() && !send(claimed.get())) {
                    return;
                }
            }
        });
    }

    @Scheduled(fixedDelayString = "${visaport.notifications.mail.poll-interval:PT5S}", initialDelay = 1000)
    @SchedulerLock(name = "mail-outbox-send", lockAtMostFor = "PT10M")
    void sendDue() {
        for (int i = 0; i < properties.batch(); i++) {
            Optional<OutboxMail> next = outbox.claimNextDue();
            if (next.isEmpty() || !send(next.get())) {
                return;
            }
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelay = 60_000)
    @SchedulerLock(name = "mail-outbox-purge", lockAtMostFor = "PT10M")
    void purgeSent() {
        outbox.purgeSent();
    }

    /**
     * Whether to go on sending others: the mail went out, or was refused by itself (the server is up); a failure is
     * recorded on the mail with its next attempt.
     */
    private boolean send(OutboxMail mail) {
        try {
            sender.send(message(mail));
            outbox.markSent(mail);
            log.info("Sent mail {} to member {}", mail.id(), mail.memberId());
            return true;
        } catch (MailException | MessagingException e) {
            boolean permanent = SmtpFailures.permanent(e);
            if (outbox.markFailed(mail, e.getClass().getSimpleName() + ": " + e.getMessage(), permanent)) {
                failed.increment();
                log.warn("Mail {} to member {} refused for good after {} attempts, parked as FAILED: {}", mail.id(),
                        mail.memberId(), mail.attempts() + 1, e.getClass().getSimpleName());
            } else {
                log.warn("Mail {} to member {} not sent (attempt {}, {}), will retry: {}", mail.id(), mail.memberId(),
                        mail.attempts() + 1, permanent ? "refused" : "transient", e.getClass().getSimpleName());
            }
            // A mail refused by itself says the mail server is up, so the others can go on.
            return permanent;
        }
    }

    MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.unsubscribeUrl() != null) {
            // RFC 8058 one-click: mail clients offer "unsubscribe" and POST List-Unsubscribe=One-Click to the URL.
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
