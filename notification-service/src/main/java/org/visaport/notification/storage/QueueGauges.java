package org.visaport.notification.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How much work waits in a {@link DueQueue} and for how long, for alerting: {@code <prefix>.pending} and an age gauge
 * in seconds (0 when nothing waits); a growing age means the work has not got out for that long. The values are read
 * by {@link #refresh()}, on a schedule of the owner's, so a scrape never queries the database.
 */
public final class QueueGauges {

    private final LongSupplier pendingNow;
    private final Supplier<Optional<Instant>> oldestNow;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    /**
     * @param what what waits, for the descriptions ("Mails", "Webhook deliveries")
     */
    public QueueGauges(MeterRegistry registry, String pendingName, String ageName, String what, Clock clock,
                       LongSupplier pendingNow, Supplier<Optional<Instant>> oldestNow) {
        this.pendingNow = pendingNow;
        this.oldestNow = oldestNow;
        this.clock = clock;
        Gauge.builder(pendingName, pending, AtomicLong::get)
                .description(what + " waiting to be sent").register(registry);
        Gauge.builder(ageName, this, QueueGauges::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest of the " + what.toLowerCase(java.util.Locale.ROOT) + " waiting has waited")
                .register(registry);
    }

    public void refresh() {
        pending.set(pendingNow.getAsLong());
        oldest.set(oldestNow.get().orElse(null));
    }

    private double oldestAgeSeconds() {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
