package org.visaport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.visaport.platform.testing.MongoWire;
import org.visaport.platform.testing.SettableClock;

class OutboxRelayIT {

    private static final MongoWire MONGO = new MongoWire();
    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 3);

    static {
        KAFKA.afterPropertiesSet();
    }

    record Briefing(@Id String id, String title, List<OutboxEvent> outbox) {
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final String topic = "briefings-" + UUID.randomUUID();
    private final List<OutboxEvent> filed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> settled = Collections.synchronizedList(new ArrayList<>());
    private MongoTemplate mongo;
    private OutboxDefinition definition;

    @BeforeEach
    void freshDatabase() {
        mongo = MONGO.freshDatabase();
        definition = OutboxDefinition.of("briefings").withLocalStep(filed::add).withAfterRelay(settled::add);
    }

    @AfterAll
    static void stop() {
        KAFKA.destroy();
        MONGO.close();
    }

    @Test
    void eventsLeaveRightAfterTheWriteInTheOrderTheyWereRecorded() {
        OutboxRelay relay = relay(kafka(KAFKA.getBrokersAsString()), meters);
        for (String briefing : List.of("b-1", "b-2", "b-3")) {
            write(briefing, 5);
            relay.dispatch(briefing);
        }

        List<ConsumerRecord<String, String>> received = consume(15);

        for (String briefing : List.of("b-1", "b-2", "b-3")) {
            assertThat(received.stream().filter(r -> r.key().equals(briefing)).map(ConsumerRecord::value))
                    .containsExactly(IntStream.range(0, 5).mapToObj(n -> briefing + "#" + n).toArray(String[]::new));
        }
        await().untilAsserted(() -> assertThat(waitingEvents()).isZero());
        assertThat(meters.counter("visaport.outbox.sent", "outbox", "briefings", "type", "briefing.published").count()).isEqualTo(15);
    }

    @Test
    void whileKafkaIsAwayEventsWaitAndTheOutboxReportsItsAge() {
        OutboxRelay away = relay(kafka("127.0.0.1:" + unusedPort()), meters);
        write("b-away", 2);

        away.poll();
        clock.advance(Duration.ofMinutes(3));
        away.poll();

        assertThat(waitingEvents()).isEqualTo(2);
        assertThat(meters.get("visaport.outbox.send.failures").counter().count()).isPositive();
        assertThat(meters.get("visaport.outbox.waiting.events").gauge().value()).isEqualTo(2);
        assertThat(meters.get("visaport.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(180);

        OutboxRelay back = relay(kafka(KAFKA.getBrokersAsString()), new SimpleMeterRegistry());
        back.poll();

        assertThat(consume(2)).extracting(ConsumerRecord::value).containsExactly("b-away#0", "b-away#1");
        assertThat(waitingEvents()).isZero();
    }

    @Test
    void twoInstancesNeverSendOneAggregateTwiceOrOutOfOrder() {
        KafkaTemplate<String, String> kafka = kafka(KAFKA.getBrokersAsString());
        OutboxRelay first = relay(kafka, meters);
        OutboxRelay second = relay(kafka, new SimpleMeterRegistry());
        List<String> briefings = IntStream.range(0, 20).mapToObj(n -> "race-" + n).toList();
        briefings.forEach(b -> write(b, 6));

        CompletableFuture<?> a = CompletableFuture.runAsync(() -> briefings.forEach(first::relay));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> briefings.reversed().forEach(second::relay));
        CompletableFuture.allOf(a, b).join();
        first.poll();
        second.poll();

        List<ConsumerRecord<String, String>> received = consume(120);
        assertThat(received).hasSize(120);
        for (String briefing : briefings) {
            assertThat(received.stream().filter(r -> r.key().equals(briefing)).map(ConsumerRecord::value))
                    .containsExactly(IntStream.range(0, 6).mapToObj(n -> briefing + "#" + n).toArray(String[]::new));
        }
    }

    @Test
    void localStepsRunInOrderWithTheEventsAndTheServiceHearsWhenAnAggregateIsSettled() {
        OutboxRelay relay = relay(kafka(KAFKA.getBrokersAsString()), meters);
        OutboxEvent audit = OutboxEvent.localStep("audit-1", "audit", "{\"action\":\"approved\"}", clock.instant());
        mongo.insert(new Briefing("b-local", "t", List.of(audit, event("b-local", 0))), "briefings");

        relay.dispatch("b-local");

        assertThat(consume(1)).extracting(ConsumerRecord::value).containsExactly("b-local#0");
        await().untilAsserted(() -> assertThat(settled).contains("b-local"));
        assertThat(filed).extracting(OutboxEvent::eventId).containsExactly("audit-1");
        assertThat(waitingEvents()).isZero();
    }

    @Test
    void anEventKafkaRefusesStaysWithoutHoldingUpOtherAggregates() {
        OutboxRelay relay = relay(kafka(KAFKA.getBrokersAsString()), meters);
        mongo.insert(new Briefing("b-huge", "t", List.of(new OutboxEvent("huge-1", topic, "b-huge", "briefing.published",
                "x".repeat(2_000_000), clock.instant()))), "briefings");
        write("b-fine", 1);

        relay.poll();

        assertThat(consume(1)).extracting(ConsumerRecord::value).containsExactly("b-fine#0");
        assertThat(mongo.findById("b-huge", Briefing.class, "briefings").outbox()).extracting(OutboxEvent::eventId)
                .containsExactly("huge-1");
    }

    @Test
    void aWholeDocumentSaveOfTheAggregateCannotTakeALeaseAway() {
        OutboxRelay relay = relay(kafka(KAFKA.getBrokersAsString()), meters);
        write("b-saved", 1);
        mongo.save(new Briefing("b-saved", "edited title", mongo.findById("b-saved", Briefing.class, "briefings").outbox()), "briefings");

        relay.poll();

        assertThat(consume(1)).extracting(ConsumerRecord::value).containsExactly("b-saved#0");
        assertThat(mongo.findById("b-saved", Briefing.class, "briefings").title()).isEqualTo("edited title");
    }

    private void write(String briefing, int events) {
        mongo.insert(new Briefing(briefing, "t", List.of()), "briefings");
        // One update per event, like a service recording one change after another.
        for (int n = 0; n < events; n++) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(briefing)), new Update().push("outbox", event(briefing, n)),
                    "briefings");
        }
    }

    private OutboxEvent event(String briefing, int n) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, briefing, "briefing.published", briefing + "#" + n, clock.instant());
    }

    private long waitingEvents() {
        return mongo.findAll(Briefing.class, "briefings").stream().mapToLong(b -> b.outbox() == null ? 0 : b.outbox().size()).sum();
    }

    private OutboxRelay relay(KafkaTemplate<String, String> kafka, SimpleMeterRegistry registry) {
        var properties = new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30), 100);
        return new OutboxRelays(mongo, kafka, properties, clock, registry).create(definition);
    }

    private static KafkaTemplate<String, String> kafka(String bootstrapServers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private List<ConsumerRecord<String, String>> consume(int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
            // Anything beyond what was expected would be a duplicate: give it a moment to show up.
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return received;
    }

    private static int unusedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
