package org.visaport.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.platform.testing.MongoWire;
import org.visaport.platform.topics.Topics;
import tools.jackson.databind.JsonNode;

/**
 * A consumer built on the kit, against a real broker and the MongoDB-wire server: an event delivered twice has one
 * effect, a record that is no event and an event whose handling keeps failing end up in the topic's dead letters, and
 * neither holds up the records behind it.
 */
@SpringBootTest(classes = ConsumerIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsumerIT {

    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 2);
    private static final MongoWire MONGO = new MongoWire();
    private static final String TOPIC = Topics.COMMENT_EVENTS;

    static {
        KAFKA.afterPropertiesSet();
    }

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
        registry.add("spring.mongodb.uri", MONGO::uri);
        registry.add("spring.application.name", () -> "consumer-test");
        registry.add("visaport.consumer.first-retry-after", () -> "PT0.05S");
        registry.add("visaport.consumer.retries", () -> "2");
        registry.add("visaport.events.partitions", () -> "2");
    }

    @AfterAll
    static void stop() {
        KAFKA.destroy();
        MONGO.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        Handled handled() {
            return new Handled();
        }

        @Bean
        Listener listener(EventReader reader, ProcessedEvents processed, Handled handled) {
            return new Listener(reader, processed, handled);
        }
    }

    static class Handled {
        final List<String> effects = Collections.synchronizedList(new ArrayList<>());
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
    }

    record Comment(String text) {
    }

    static class Listener {

        private final EventReader reader;
        private final ProcessedEvents processed;
        private final Handled handled;

        Listener(EventReader reader, ProcessedEvents processed, Handled handled) {
            this.reader = reader;
            this.processed = processed;
            this.handled = handled;
        }

        @KafkaListener(topics = TOPIC, groupId = "consumer-it")
        void on(String value) {
            var event = reader.read(value);
            Comment comment = reader.data(event, Comment.class);
            handled.attempts.add(comment.text());
            if (comment.text().startsWith("poison")) {
                throw new IllegalStateException("cannot handle " + comment.text());
            }
            processed.once("consumer-it", event.id(), () -> handled.effects.add(comment.text()));
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    Handled handled;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRedeliveredEventHasOneEffectAndBadRecordsAreParkedWithoutBlockingTheRest() {
        String twice = event("hello");
        kafka.send(TOPIC, "thread-1", twice);
        kafka.send(TOPIC, "thread-1", twice);
        kafka.send(TOPIC, "thread-1", "this is not an event");
        kafka.send(TOPIC, "thread-1", event("poison pill"));
        kafka.send(TOPIC, "thread-1", event("after the bad ones"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(handled.effects).containsExactly("hello", "after the bad ones"));
        assertThat(handled.attempts.stream().filter("poison pill"::equals)).as("first try and two retries").hasSize(3);
        assertThat(deadLetters()).hasSize(2).anyMatch("this is not an event"::equals).anyMatch(value -> value.contains("poison pill"));
        // What the dead-letter alert (deploy/observability) watches.
        assertThat(meters.counter("visaport.consumer.dead.letters", "topic", Topics.deadLetter(TOPIC)).count()).isEqualTo(2.0);
    }

    private static String event(String text) {
        return """
                {"specversion":"1.0","id":"%s","type":"comment.posted","source":"/comment-service","subject":"thread-1",
                 "time":"2026-11-25T12:00:00Z","datacontenttype":"application/json",
                 "dataschema":"https://visaport.example/schemas/comment.posted/1","data":{"text":"%s","extra":1}}
                """.formatted(UUID.randomUUID(), text);
    }

    private static List<String> deadLetters() {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(TOPIC)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= 2;
            });
        }
        return values;
    }
}
