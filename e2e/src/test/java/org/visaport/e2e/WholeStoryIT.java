package org.visaport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.visaport.deploy.Demo;
import org.visaport.deploy.LocalStack;
import org.visaport.deploy.ServiceSpec;
import org.visaport.deploy.StackSettings;
import org.visaport.platform.topics.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as it runs: the local stack ({@link RunningStack}) and, through the gateway only,
 * the story `./visaport demo` walks ({@link Demo}). Around the story it checks what the demo cannot see from outside:
 * the article event on Kafka and at a registered webhook, the applicant's address in no answer, log line or public
 * event, one trace id in the gateway's and the service's logs, and a stopped comment-service costing a fast 503.
 */
@ExtendWith(RunningStack.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeStoryIT {

    private static final ServiceSpec COMMENT_SERVICE = service("comment-service");

    private static StackSettings settings;
    private static LocalStack stack;
    private static Demo demo;
    private static WebhookReceiver receiver;
    private static HttpResponse<String> webhook;
    private static Demo.Outcome outcome;

    @BeforeAll
    static void registerAWebhook() throws IOException {
        settings = RunningStack.parts().settings();
        stack = RunningStack.parts().stack();
        demo = RunningStack.parts().demo();
        receiver = WebhookReceiver.start();
        webhook = demo.send("POST", "/api/admin/notifications/webhooks", demo.token("admin@visaport.local", "Admin-Local-2026"),
                Map.of("url", receiver.url(), "eventTypes", List.of("article.published"), "description", "end-to-end test"), Map.of());
    }

    @AfterAll
    static void stopTheReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void theWholeStoryThroughTheGateway() {
        outcome = demo.run();
    }

    @Test
    @Order(2)
    void aKafkaConsumerReceivesTheArticlePublishedEvent() {
        assertThat(outcome).as("the story ran to its end").isNotNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records(Topics.ARTICLE_EVENTS))
                .map(Demo::parse)
                .anySatisfy(event -> {
                    assertThat(event.path("type").asString()).isEqualTo("article.published");
                    assertThat(event.path("data").path("id").asString()).isEqualTo(outcome.briefingId());
                }));
    }

    @Test
    @Order(3)
    void noAnswerLogLineOrPublicEventCarriesTheApplicantsAddress() throws IOException {
        assertThat(outcome).as("the story ran to its end").isNotNull();
        String email = outcome.email();

        // identity-service keeps the address: it shows it to its owner and to the moderators who check the application.
        assertThat(demo.exchanges()).filteredOn(exchange -> !exchange.path().startsWith("/api/identity/")
                        && !exchange.path().startsWith("/api/admin/identity/"))
                .hasSizeGreaterThan(10)
                .noneSatisfy(exchange -> assertThat(exchange.body()).contains(email));
        // GreenMail's log is the mail server's: the address is where the mail goes.
        try (Stream<Path> logs = Files.list(settings.logs())) {
            for (Path log : logs.filter(log -> !log.getFileName().toString().equals("mail.log")).toList()) {
                assertThat(lines(log)).as(log.getFileName().toString()).noneMatch(line -> line.contains(email));
            }
        }
        assertThat(records(Topics.MEMBER_EVENTS, Topics.ARTICLE_EVENTS, Topics.COMMENT_EVENTS)).isNotEmpty()
                .noneMatch(value -> value.contains(email));
        assertThat(records(Topics.MEMBER_NOTIFICATIONS)).as("the private topic, which carries it to notification-service")
                .anyMatch(value -> value.contains(email));
    }

    @Test
    @Order(4)
    void theGatewayAndTheServiceLogTheCallUnderTheSameTraceId() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        HttpResponse<String> answer = demo.send("GET", "/api/news/articles?limit=1", null, null,
                Map.of("traceparent", "00-" + traceId + "-" + parentSpanId + "-01"));

        assertThat(answer.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(logLines("gateway")).anyMatch(line -> line.contains(traceId) && line.contains("/api/news/articles"));
            assertThat(logLines(service("news-service"))).anyMatch(line -> line.contains(traceId) && line.contains("GET /api/news/articles 200"));
        });
    }

    @Test
    @Order(5)
    void whileCommentServiceIsDownCommentRoutesAnswer503FastNewsGoesOnAndTheyRecover() {
        org.junit.jupiter.api.Assumptions.assumeTrue(stack != null, "the outage test needs a stack of its own");
        String articleId = demo.get("/api/news/articles?limit=1", null).path("items").get(0).path("id").asString();
        String thread = "/api/comments/articles/" + articleId + "/comments";
        assertThat(demo.send("GET", thread, null, null, Map.of()).statusCode()).isEqualTo(200);

        stack.stop(COMMENT_SERVICE);
        for (int call = 0; call < 6; call++) {
            long started = System.nanoTime();
            HttpResponse<String> down = demo.send("GET", thread, null, null, Map.of());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a fast answer").isLessThan(Duration.ofSeconds(3));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(Demo.json(down).path("type").asString()).endsWith("/unavailable");
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(demo.send("GET", "/api/news/articles/" + articleId, null, null, Map.of()).statusCode())
                .as("news goes on").isEqualTo(200);

        stack.restart(COMMENT_SERVICE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> demo.send("GET", thread, null, null, Map.of()).statusCode() == 200);
    }

    /** Last: notification-service's webhooks are built alongside; everything above holds without them. */
    @Test
    @Order(6)
    void aRegisteredWebhookReceivesTheArticlePublishedEventSigned() {
        assertThat(webhook.statusCode()).as("registering the webhook: " + webhook.body()).isEqualTo(201);
        assertThat(outcome).as("the story ran to its end").isNotNull();
        String secret = Demo.json(webhook).path("secret").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receiver.deliveries())
                .filteredOn(delivery -> delivery.body().contains(outcome.briefingId()))
                .singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.signedWith(secret)).as("signed with the webhook's secret").isTrue();
                    JsonNode event = Demo.parse(delivery.body());
                    assertThat(event.path("type").asString()).isEqualTo("article.published");
                    assertThat(event.path("data").path("id").asString()).isEqualTo(outcome.briefingId());
                    assertThat(delivery.body()).as("the teaser only").doesNotContain("Members-only text");
                }));
    }

    /** Every record's value in the topics, from the beginning to what they hold now. */
    private static List<String> records(String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Stream.of(topics)
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static List<String> logLines(String part) {
        return lines(settings.logs().resolve(part + ".log"));
    }

    /** Every instance's lines: the gateway may have sent the call to any of them. */
    private static List<String> logLines(ServiceSpec service) {
        return IntStream.rangeClosed(1, settings.replicas())
                .mapToObj(instance -> logLines(service.name(instance))).flatMap(List::stream).toList();
    }

    /** A log's lines, bytes that are no UTF-8 replaced. */
    private static List<String> lines(Path log) {
        try {
            return new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceSpec service(String module) {
        return ServiceSpec.ALL.stream().filter(service -> service.module().equals(module)).findFirst().orElseThrow();
    }
}
