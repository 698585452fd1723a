package org.visaport.notification.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether mail is getting out, for alerting: {@code visaport_mail_pending} and {@code visaport_mail_oldest_age_seconds}
 * (0 when nothing waits); a growing age means the mail server has been unreachable that long. Refreshed on a schedule
 * on every instance, so a scrape never queries the database.
 */
@Component
class MailMetrics {

    private final MailOutbox outbox;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    MailMetrics(MailOutbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("visaport.mail.pending", pending, AtomicLong::get)
                .description("Mails stored and not sent yet").register(registry);
        Gauge.builder("visaport.mail.oldest.age", this, MailMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unsent mail has waited").register(registry);
    }

    @Scheduled(fixedDelayString = "${visaport.notifications.mail.metrics-interval:PT15S}", initialDelay = 1000)
    void refresh() {
        pending.set(outbox.pending());
        oldest.set(outbox.oldestPending().orElse(null));
    }

    private double oldestAgeSeconds() {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
