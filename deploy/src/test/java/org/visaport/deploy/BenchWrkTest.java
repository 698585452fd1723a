package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchWrkTest {

    private static final String LOADED = """
            Running 40s test @ http://127.0.0.1:8080/api/news/articles?limit=20
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    70.13ms   42.37ms   1.02s    81.22%
                Req/Sec   116.74     31.55   202.00     68.38%
              Latency Distribution
                 50%   61.08ms
                 75%   88.40ms
                 90%  119.86ms
                 99%    1.01s
              9310 requests in 40.04s, 41.27MB read
              Socket errors: connect 0, read 2, write 0, timeout 12
              Non-2xx or 3xx responses: 310
            Requests/sec:    232.52
            Transfer/sec:      1.03MB
            """;

    @Test
    void readsTheSummaryOfALoadedRun() {
        Wrk.Result result = Wrk.parse(LOADED);

        assertThat(result.requests()).isEqualTo(9310);
        assertThat(result.elapsed()).isEqualTo(Duration.ofMillis(40_040));
        assertThat(result.failed()).isEqualTo(310);
        assertThat(result.socketErrors()).isEqualTo(14);
        assertThat(result.p50()).isEqualTo(Duration.ofNanos(61_080_000));
        assertThat(result.p99()).isEqualTo(Duration.ofMillis(1010));
        assertThat(result.answeredPerSecond()).isCloseTo(9000 / 40.04, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCleanRunHasNoFailures() {
        Wrk.Result result = Wrk.parse("""
                  Latency Distribution
                     50%  812.00us
                     75%    1.10ms
                     90%    1.52ms
                     99%    3.07ms
                  1734 requests in 1.00m, 645.17KB read
                Requests/sec:     28.90
                """);

        assertThat(result.failed()).isZero();
        assertThat(result.socketErrors()).isZero();
        assertThat(result.p50()).isEqualTo(Duration.ofNanos(812_000));
        assertThat(result.elapsed()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesOutputWithoutASummaryOrDistribution() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:8082 Connection refused"))
                .isInstanceOf(StackException.class).hasMessageContaining("Connection refused");
        assertThatThrownBy(() -> Wrk.parse("  10 requests in 1.00s, 1KB read\n"))
                .isInstanceOf(StackException.class).hasMessageContaining("--latency");
    }

    @Test
    void readsEveryTimeUnitWrkPrints() {
        assertThat(Wrk.time("250.00us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Wrk.time("12.5ms")).isEqualTo(Duration.ofNanos(12_500_000));
        assertThat(Wrk.time("2.00s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Wrk.time("1.50m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Wrk.time("1.00h")).isEqualTo(Duration.ofHours(1));
    }
}
