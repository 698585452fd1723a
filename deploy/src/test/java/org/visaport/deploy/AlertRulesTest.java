package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert rules and the scrape configuration under deploy/observability/prometheus, as Prometheus's own tool reads them. */
class AlertRulesTest {

    private static final Path PROMETHEUS = Path.of("observability", "prometheus");

    private static ExternalTool promtool;

    @BeforeAll
    static void tool() {
        promtool = new ExternalTool("promtool", "prometheus").assumeInstalled();
    }

    @Test
    void areValidRules() throws Exception {
        ExternalTool.Result result = promtool.run(PROMETHEUS, "check", "rules", "visaport-rules.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** visaport-rules-test.yml feeds series and expects alerts to fire, or not, at given times. */
    @Test
    void fireOnTheSeriesOfAnOutageAndStayQuietOtherwise() throws Exception {
        ExternalTool.Result result = promtool.run(PROMETHEUS, "test", "rules", "visaport-rules-test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void areLoadedByTheScrapeConfiguration() throws Exception {
        ExternalTool.Result result = promtool.run(PROMETHEUS, "check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found");
    }
}
