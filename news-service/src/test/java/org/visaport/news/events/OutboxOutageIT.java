package org.visaport.news.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.deploy.KafkaBroker;
import org.visaport.platform.topics.Topics;
import org.visaport.deploy.Ports;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.EmbeddedParts;
import org.visaport.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka goes away while editors keep working: every write still succeeds, and once the broker is back every event
 * arrives, in order per article. The broker is the real one, as its own process, stopped and restarted on its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA = temporaryFolder();
    private static final int PORT = Ports.findFree();
    private static final int CONTROLLER_PORT = Ports.findFree();
    private static KafkaBroker broker = startBroker();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        EmbeddedParts.INSTANCE.register(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PORT);
        // A database of its own: the other test contexts of this JVM stay alive, and their relays, bound to the
        // embedded broker, would otherwise send this test's events there.
        registry.add("spring.mongodb.database", () -> "news_outage_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventArrivesInOrderOnceItIsBack() {
        ApiClient api = new ApiClient(port);
        String editor = EmbeddedParts.INSTANCE.keycloak().accessToken(DemoUser.EDITOR);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        JsonNode before = publish(api, editor, create(api, editor, "Before the outage " + marker));
        awaitDelivered(api, editor, before.path("id").asString());

        broker.close();
        JsonNode first = publish(api, editor, create(api, editor, "During the outage, first " + marker));
        JsonNode second = publish(api, editor, create(api, editor, "During the outage, second " + marker));
        Map<String, Object> edit = article("During the outage, first, revised " + marker);
        edit.put("version", first.path("version").asLong());
        ApiClient.Reply revised = api.put("/api/admin/news/articles/" + first.path("id").asString(), editor, edit);
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().path("eventsAwaitingDelivery").asInt()).isEqualTo(2);
        // What an operator's alert sees meanwhile: events waiting, and the oldest one getting older.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus", null).body();
            assertThat(metrics).contains("visaport_outbox_waiting_events{outbox=\"articles\"} 3.0")
                    .containsPattern("visaport_outbox_oldest_age_seconds\\{outbox=\"articles\"\\} [1-9]");
        });

        broker = startBroker();

        try (TopicReader events = new TopicReader("127.0.0.1:" + PORT, Topics.ARTICLE_EVENTS)) {
            assertThat(types(events.awaitKey(before.path("id").asString(), r -> types(r).size() >= 1, Duration.ofSeconds(60))))
                    .containsExactly("article.published");
            assertThat(types(events.awaitKey(first.path("id").asString(), r -> types(r).size() >= 2, Duration.ofSeconds(60))))
                    .containsExactly("article.published", "article.updated");
            assertThat(types(events.awaitKey(second.path("id").asString(), r -> types(r).size() >= 1, Duration.ofSeconds(60))))
                    .containsExactly("article.published");
        }
        awaitDelivered(api, editor, first.path("id").asString());
    }

    /** Event types in arrival order, each event once however often it was delivered. */
    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            if (seen.add(event.path("id").asString())) {
                types.add(event.path("type").asString());
            }
        }
        return types;
    }

    private static void awaitDelivered(ApiClient api, String editor, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.get("/api/admin/news/articles/" + id, editor).json().path("eventsAwaitingDelivery").asInt() > 0) {
            assertThat(System.nanoTime()).as("events of " + id + " delivered in time").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode create(ApiClient api, String editor, String title) {
        ApiClient.Reply reply = api.post("/api/admin/news/articles", editor, article(title));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static JsonNode publish(ApiClient api, String editor, JsonNode draft) {
        ApiClient.Reply reply = api.post("/api/admin/news/articles/" + draft.path("id").asString() + "/publish", editor,
                Map.of("version", draft.path("version").asLong()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, Object> article(String title) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("lede", "Summary.");
        article.put("body", "Text.");
        article.put("dateline", Map.of("place", "Brussels, Belgium", "date", "2026-11-25"));
        article.put("language", "en");
        return article;
    }

    private static KafkaBroker startBroker() {
        return KafkaBroker.start(DATA.resolve("kafka"), DATA.resolve("logs"), PORT, CONTROLLER_PORT, 3);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("visaport-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
