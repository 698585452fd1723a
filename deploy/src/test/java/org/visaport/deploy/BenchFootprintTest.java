package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BenchFootprintTest {

    @Test
    void aServiceStartedWhenItsOwnProcessSaysSoNotAnEarlierRun() {
        Stream<String> log = Stream.of(
                "2026-11-26T01:28:29.930Z  INFO 27024 --- [news-service] [main] [] o.v.news.NewsApplication : Started NewsApplication in 25.263 seconds (process running for 28.157)",
                "2026-11-26T02:40:53.714Z  INFO 23045 --- [news-service] [main] [] o.v.news.NewsApplication : Started NewsApplication in 29.487 seconds (process running for 33.47)",
                "2026-11-26T02:41:00.000Z  INFO 23045 --- [news-service] [nio-8082-exec-1] [] o.v.p.RequestLog : GET /api/news/articles 200 9 ms");

        assertThat(Footprint.startedOwnLog(log, "news-service", 23045)).contains(Duration.ofMillis(33_470));
    }

    @Test
    void keycloakStartedAsItsLastStartLineSays() {
        Stream<String> log = Stream.of(
                "2026-11-26 01:27:54,901 INFO  [io.quarkus] (main) Keycloak 26.7.3 on JVM (powered by Quarkus 3.33.3.1) started in 13.038s. Listening on: http://127.0.0.1:8180.",
                "2026-11-26 02:40:12,088 INFO  [io.quarkus] (main) Keycloak 26.7.3 on JVM (powered by Quarkus 3.33.3.1) started in 14.405s. Listening on: http://127.0.0.1:8180.");

        assertThat(Footprint.startedOwnLog(log, "keycloak", 1)).contains(Duration.ofMillis(14_405));
    }

    @Test
    void aProcessThatHasNotLoggedItsStartHasNoFigure() {
        assertThat(Footprint.startedOwnLog(Stream.of("INFO 1 --- [gateway] Starting GatewayApplication"), "gateway", 1)).isEmpty();
    }

    @Test
    void measuresThisProcess() {
        assertThat(Footprint.rssBytes(ProcessHandle.current().pid(), true)).isPositive();
    }
}
