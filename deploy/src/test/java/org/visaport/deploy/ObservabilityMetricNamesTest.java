package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alert rules and the dashboard ask for is one the running system serves, under the name Prometheus
 * gets: a renamed meter fails here rather than leaving an alert that can never fire.
 *
 * <p>The names come from a real Prometheus registry, scraped: VisaPort's own meters registered as the code registers
 * them (each name checked to be in the source that registers it), and the libraries' meters bound by the libraries
 * themselves (resilience4j's circuit breaker metrics, Micrometer's Kafka client metrics on a real consumer), so their
 * naming is theirs, not a guess.
 */
class ObservabilityMetricNamesTest {

    /** A meter of VisaPort's own: its Micrometer name, kind and unit, and the source that registers it. */
    private record OwnMeter(String name, String kind, String baseUnit, String source) {
    }

    private static final String SUPPORT = "service-support/src/main/java/org/visaport/platform/";
    private static final String NOTIFICATION = "notification-service/src/main/java/org/visaport/notification/";

    private static final List<OwnMeter> OWN_METERS = List.of(
            new OwnMeter("visaport.outbox.oldest.age", "gauge", "seconds", SUPPORT + "outbox/OutboxRelay.java"),
            new OwnMeter("visaport.outbox.waiting.events", "gauge", null, SUPPORT + "outbox/OutboxRelay.java"),
            new OwnMeter("visaport.outbox.waiting.aggregates", "gauge", null, SUPPORT + "outbox/OutboxRelay.java"),
            new OwnMeter("visaport.outbox.send.failures", "counter", null, SUPPORT + "outbox/OutboxRelay.java"),
            new OwnMeter("visaport.outbox.sent", "counter", null, SUPPORT + "outbox/OutboxRelay.java"),
            new OwnMeter("visaport.consumer.dead.letters", "counter", null, SUPPORT + "consumer/ConsumerAutoConfiguration.java"),
            // The mail queue's gauges are made by QueueGauges, which gives the age gauge its unit.
            new OwnMeter("visaport.mail.pending", "gauge", null, NOTIFICATION + "mail/MailMetrics.java"),
            new OwnMeter("visaport.mail.oldest.age", "gauge", "seconds", NOTIFICATION + "mail/MailMetrics.java"),
            new OwnMeter("visaport.mail.failed", "counter", null, NOTIFICATION + "mail/MailDispatcher.java"));

    private static final Path PROJECT = Path.of("..");

    private static Set<String> served;

    @BeforeAll
    static void scrape() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (OwnMeter meter : OWN_METERS) {
            if (meter.kind().equals("counter")) {
                Counter.builder(meter.name()).register(registry);
            } else {
                Gauge.builder(meter.name(), () -> 0).baseUnit(meter.baseUnit()).register(registry);
            }
        }
        // The gateway's HTTP server metric (WebFlux observations), and its route circuit breakers.
        Timer.builder("http.server.requests").tag("status", "503").register(registry).record(Duration.ofMillis(3));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        breakers.circuitBreaker("news");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        // The consumers' lag, as Spring Kafka's Micrometer listener binds it to each consumer. A consumer that never
        // polls connects to nothing, so no broker is needed.
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ConsumerConfig.GROUP_ID_CONFIG, "metric-names"), new StringDeserializer(), new StringDeserializer());
             var metrics = new KafkaClientMetrics(consumer)) {
            metrics.bindTo(registry);
            served = names(registry.scrape());
        }
    }

    @Test
    void theOwnMetersAreRegisteredAsListed() throws IOException {
        String queueGauges = Files.readString(PROJECT.resolve(NOTIFICATION + "storage/QueueGauges.java"));
        for (OwnMeter meter : OWN_METERS) {
            String source = Files.readString(PROJECT.resolve(meter.source()));
            assertThat(source).as(meter.source()).contains("\"" + meter.name() + "\"");
            if (meter.kind().equals("counter")) {
                assertThat(source).as(meter.name() + " is a counter").containsAnyOf("Counter.builder(", ".counter(");
            } else if (meter.baseUnit() != null) {
                assertThat(source.contains(".baseUnit(\"" + meter.baseUnit() + "\")")
                        || source.contains("new QueueGauges(") && queueGauges.contains(".baseUnit(\"" + meter.baseUnit() + "\")"))
                        .as(meter.name() + " in " + meter.baseUnit()).isTrue();
            }
        }
    }

    @Test
    void theAlertRulesAskOnlyForServedMetrics() {
        Set<String> used = ObservabilityFiles.metricNames(ObservabilityFiles.ruleExpressions());

        assertThat(used).contains("visaport_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "resilience4j_circuitbreaker_state", "http_server_requests_seconds_count");
        assertThat(served).containsAll(used);
    }

    @Test
    void theDashboardAsksOnlyForServedMetricsAndShowsWhatTheAlertsWatch() {
        Set<String> shown = ObservabilityFiles.metricNames(ObservabilityFiles.dashboardExpressions());

        assertThat(served).containsAll(shown);
        assertThat(shown).containsAll(ObservabilityFiles.metricNames(ObservabilityFiles.ruleExpressions()));
    }

    @Test
    void theAlertRulesCoverWhatAnOperatorMustHearOf() {
        List<Map<String, Object>> rules = ObservabilityFiles.alertRules();

        assertThat(rules).extracting(rule -> rule.get("alert")).contains(
                "VisaportOutboxNotDraining", "VisaportConsumerLag", "VisaportDeadLetterTopicNotEmpty",
                "VisaportGatewayServerErrors", "VisaportCircuitBreakerOpen", "VisaportSmtpFailing");
        assertThat(rules).allSatisfy(rule -> assertThat(rule).containsKeys("expr", "labels", "annotations"));
    }

    @Test
    void readsMetricNamesOutOfQueries() {
        assertThat(ObservabilityFiles.metricNames(
                "sum by (job, outbox) (rate(visaport_outbox_send_failures_total{job=~\"$job\", outbox!=\"x y\"}[$__rate_interval]))"
                        + " / on (job) group_left max(up) > bool 0.05"))
                .containsExactly("up", "visaport_outbox_send_failures_total");
    }

    private static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
