package org.visaport.notification.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.notification.storage.QueueGauges;

/**
 * Whether mail is getting out, for alerting: {@code visaport_mail_pending} and {@code visaport_mail_oldest_age_seconds}
 * (0 when nothing waits); a growing age means the mail server has been unreachable that long. Refreshed on a schedule
 * on every instance, so a scrape never queries the database.
 */
@Component
class MailMetrics {

    private final QueueGauges gauges;

    MailMetrics(MailOutbox outbox, Clock clock, MeterRegistry registry) {
        this.gauges = new QueueGauges(registry, "visaport.mail.pending", "visaport.mail.oldest.age", "Mails", clock,
                outbox::pending, outbox::oldestPending);
    }

    @Scheduled(fixedDelayString = "${visaport.notifications.mail.metrics-interval:PT15S}", initialDelay = 1000)
    void refresh() {
        gauges.refresh();
    }
}
