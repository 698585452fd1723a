package org.visaport.news.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.news.article.ArticleContent;
import org.visaport.news.article.ArticleService;
import org.visaport.news.article.Author;
import org.visaport.news.article.Dateline;
import org.visaport.platform.topics.Topics;
import org.visaport.testsupport.EmbeddedKafkaBroker;
import org.visaport.testsupport.EmbeddedMongo;

/**
 * How long a published article takes to reach a downstream consumer: from the moment the editor's publish command
 * starts (the MongoDB write with its outbox entry) until a consumer in its own group has the record. Not a test (no
 * assertion on time, and the name keeps it out of {@code ./mvnw verify}); run it with
 * {@code ./mvnw -pl news-service test -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed figures to docs/benchmarks.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OutboxLatencyBenchmark {

    private static final int WARM_UP = 30;
    private static final int MEASURED = 300;
    private static final Author DESK = new Author("benchmark-desk", "Benchmark Desk");

    @Autowired
    private ArticleService articles;

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", EmbeddedMongo::uri);
        registry.add("spring.mongodb.database", () -> "benchmark_" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", EmbeddedKafkaBroker::bootstrapServers);
        // Token keys are fetched on first use, and nothing here checks a token: no Keycloak needed.
        registry.add("visaport.security.issuer-uri", () -> "http://127.0.0.1:9/realms/visaport");
    }

    @Test
    void publishToConsumerLatency() throws Exception {
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicBoolean assigned = new AtomicBoolean();
        Thread consumer = Thread.ofPlatform().name("downstream-consumer").start(() -> consume(arrivedAt, reading, assigned));
        while (!assigned.get()) {
            Thread.onSpinWait();
        }

        List<Long> latencies = new ArrayList<>();
        List<Long> afterWrite = new ArrayList<>();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            var draft = articles.createDraft(ArticleService.newId(), content(i), DESK, null);
            long start = System.nanoTime();
            articles.publishNow(draft.getId(), draft.getVersion());
            long written = System.nanoTime();
            while (!arrivedAt.containsKey(draft.getId())) {
                Thread.onSpinWait();
            }
            if (i >= WARM_UP) {
                latencies.add(arrivedAt.get(draft.getId()) - start);
                afterWrite.add(arrivedAt.get(draft.getId()) - written);
            }
        }
        reading.set(false);
        consumer.join();

        System.out.printf("%nOutbox latency over %d publishes one after another:%n  publish command to downstream consumer: %s%n"
                + "  write returned to downstream consumer:  %s%n%n", MEASURED, figures(latencies), figures(afterWrite));
    }

    private static void consume(Map<String, Long> arrivedAt, AtomicBoolean reading, AtomicBoolean assigned) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLE_EVENTS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            assigned.set(true);
            while (reading.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (record.value().contains("\"type\":\"article.published\"")) {
                        arrivedAt.putIfAbsent(record.key(), System.nanoTime());
                    }
                });
            }
        }
    }

    private static ArticleContent content(int n) {
        return new ArticleContent("Benchmark briefing " + n + " " + UUID.randomUUID(), "A lede", "A **body**.",
                new Dateline("Geneva, Switzerland", LocalDate.of(2026, 11, 25)), List.of("benchmark"), List.of(),
                List.of("CH"), "en", null);
    }

    private static String figures(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", millis(sorted, 0.50), millis(sorted, 0.90),
                millis(sorted, 0.99), sorted.getLast() / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
