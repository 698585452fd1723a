package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BenchLatenciesTest {

    @Test
    void percentilesAreNearestRankOfTheSortedSamples() {
        long[] shuffled = LongStream.rangeClosed(1, 1000).map(i -> (i * 7919) % 1000 + 1).toArray();

        Latencies latencies = Latencies.ofNanos(shuffled);

        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.p50()).isEqualTo(Duration.ofNanos(500));
        assertThat(latencies.p99()).isEqualTo(Duration.ofNanos(990));
        assertThat(latencies.max()).isEqualTo(Duration.ofNanos(1000));
    }

    @Test
    void withFewerThanAHundredSamplesP99IsTheLargest() {
        Latencies latencies = Latencies.of(List.of(Duration.ofMillis(30), Duration.ofMillis(10), Duration.ofMillis(20)));

        assertThat(latencies.p50()).isEqualTo(Duration.ofMillis(20));
        assertThat(latencies.p99()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Latencies latencies = Latencies.ofNanos(new long[] {42});

        assertThat(latencies.p50()).isEqualTo(latencies.p99()).isEqualTo(latencies.max()).isEqualTo(Duration.ofNanos(42));
    }

    @Test
    void leavesTheCallersSamplesInTheirOrder() {
        long[] samples = {3, 1, 2};

        Latencies.ofNanos(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Latencies.ofNanos(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
