package org.visaport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Fixed-window counters: one call counted against {@code key}, and where the window stands. */
public interface Counters {

    Mono<Count> increment(String key, Duration window, Instant now);

    record Count(long count, Instant resetsAt) {
    }

    /** The start of the window {@code now} falls in; windows are aligned, so every instance agrees on them. */
    static long windowStart(Instant now, Duration window) {
        return now.toEpochMilli() / window.toMillis() * window.toMillis();
    }
}
