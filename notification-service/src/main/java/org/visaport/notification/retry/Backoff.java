package org.visaport.notification.retry;

import java.time.Duration;

/**
 * Exponential back-off, bounded: the wait after a first failure is {@code first}, it doubles with each further failure
 * up to {@code max}, so a long outage is retried at a steady pace. Shared by the mail outbox and webhook deliveries.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first == null || max == null || first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first failure). */
    public Duration after(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
