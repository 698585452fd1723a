package org.visaport.deploy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/**
 * A latency distribution as the benchmark reports it: how many samples, the median, p99 and the largest. Percentiles
 * are nearest-rank (the smallest sample with at least p % of the samples at or below it), so each is a time that was
 * really measured, and with fewer than 100 samples p99 is the largest.
 */
public record Latencies(int count, Duration p50, Duration p99, Duration max) {

    public static Latencies ofNanos(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, Duration.ofNanos(percentile(sorted, 50)), Duration.ofNanos(percentile(sorted, 99)),
                Duration.ofNanos(sorted[sorted.length - 1]));
    }

    public static Latencies of(Collection<Duration> samples) {
        return ofNanos(samples.stream().mapToLong(Duration::toNanos).toArray());
    }

    /** The nearest-rank {@code percent} percentile of ascending {@code sorted}. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
