package org.visaport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Counters in this gateway instance's memory: right for one instance; with several, each counts only what reaches it
 * (use the Redis store). Past windows are dropped as new ones start, so memory stays bounded by the active callers.
 */
class InMemoryCounters implements Counters {

    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, long end, AtomicLong count) {
    }

    @Override
    public Mono<Count> increment(String key, Duration window, Instant now) {
        long start = Counters.windowStart(now, window);
        Window current = windows.compute(key, (k, existing) ->
                existing != null && existing.start() == start ? existing : new Window(start, start + window.toMillis(), new AtomicLong()));
        long count = current.count().incrementAndGet();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.end() <= now.toEpochMilli());
        }
        return Mono.just(new Count(count, Instant.ofEpochMilli(current.end())));
    }
}
