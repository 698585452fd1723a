package org.visaport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.visaport.deploy.LocalStack;
import org.visaport.deploy.RedisServer;
import org.visaport.deploy.ServiceSpec;
import org.visaport.deploy.StackClient;
import org.visaport.deploy.StackSettings;
import org.visaport.platform.topics.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The local stack as {@code ./visaport up --replicas 2} starts it: two instances of every service and of the gateway,
 * the gateways sharing their counters in Redis ({@link RunningStack} starts it so where redis-server is installed). It
 * checks what replicas must not change: every event handled once however the partitions are shared, a member's live
 * stream on one instance hearing what the other handled, a scheduled job (the embargo publisher) acting once though both
 * instances run it, no accepted write and no event lost when one instance of each service is killed under load, reads
 * retried past a dead instance, and one rate limit across the gateways. Runs last among the end-to-end test classes
 * (junit-platform.properties orders the classes): it leaves an instance of each service dead.
 */
@ExtendWith(RunningStack.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final String MEMBER = "member@visaport.local";
    private static final String EDITOR = "editor@visaport.local";

    private static StackSettings settings;
    private static LocalStack stack;
    private static StackClient client;
    private static String tag;

    @BeforeAll
    static void followATagOfItsOwn() {
        runOnlyIf(RedisServer.executable().isPresent(), "no redis-server (Debian: apt-get install redis-server)");
        settings = RunningStack.parts().settings();
        stack = RunningStack.parts().stack();
        runOnlyIf(stack != null && settings.replicas() >= 2, "it needs a stack of its own with two of everything"
                + " (not -Dvisaport.e2e.running-stack, not -Dvisaport.e2e.replicas=1)");
        client = new StackClient(settings);
        tag = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        follow(tag);
    }

    @Test
    @Order(1)
    void theNotificationInstancesShareTheArticlePartitions() throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers()))) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                ConsumerGroupDescription group = kafka.describeConsumerGroups(List.of("notification-service.articles"))
                        .all().get().get("notification-service.articles");
                assertThat(group.members()).hasSize(2).allSatisfy(member ->
                        assertThat(member.assignment().topicPartitions()).isNotEmpty());
                assertThat(group.members().stream().mapToInt(member -> member.assignment().topicPartitions().size()).sum())
                        .isEqualTo(settings.kafkaPartitions());
            });
        }
    }

    @Test
    @Order(2)
    void aMembersStreamOnEitherNotificationInstanceHearsOfEveryBriefingWhicheverInstanceHandledIt() {
        String member = client.token(MEMBER, "Member-Local-2026");
        ServiceSpec notifications = service("notification-service");
        try (StackClient.LiveStream first = client.listen(notifications.baseUri(settings, 1) + "/api/notifications/stream", member);
             StackClient.LiveStream second = client.listen(notifications.baseUri(settings, 2) + "/api/notifications/stream", member)) {
            await().atMost(EVENTUALLY).until(() -> first.text().contains("event:ready") && second.text().contains("event:ready"));
            // Keyed by article id, the briefings spread over the partitions, so each instance handles some of them.
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                published.add(publish("Streamed briefing " + i));
            }

            await().atMost(EVENTUALLY).untilAsserted(() -> {
                assertThat(first.text()).contains(published);
                assertThat(second.text()).contains(published);
            });
        }
    }

    @Test
    @Order(3)
    void embargoedBriefingsArePublishedOnceThoughBothNewsInstancesRunTheEmbargoJob() {
        String editor = client.token(EDITOR, "Editor-Local-2026");
        String member = client.token(MEMBER, "Member-Local-2026");
        Instant publishAt = Instant.now().plusSeconds(8);
        List<String> embargoed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode draft = draft("Embargoed briefing " + i, editor);
            HttpResponse<String> scheduled = client.send("POST", gateway(1) + "/api/admin/news/articles/" + draft.path("id").asString()
                    + "/schedule", editor, Map.of("version", draft.path("version").asLong(), "publishAt", publishAt.toString()), Map.of());
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
            embargoed.add(draft.path("id").asString());
        }

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(toldOf(member)).containsAll(embargoed));
        // Both instances look for due embargoes every 5 s and one at a time holds the job's lock, so each went out once;
        // a second publication could only come from a run that began before the first ended, so one more round of both
        // instances is enough to have seen it.
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(toldOf(member)).filteredOn(embargoed::contains).hasSize(embargoed.size()));
        try (var events = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", settings.kafkaBootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = events.partitionsFor(Topics.ARTICLE_EVENTS)
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            events.assign(partitions);
            events.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = events.endOffsets(partitions);
            List<String> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                events.poll(Duration.ofMillis(200)).forEach(record -> {
                    JsonNode event = StackClient.parse(record.value());
                    if (event.path("type").asString().equals("article.published")) {
                        published.add(event.path("data").path("id").asString());
                    }
                });
                return partitions.stream().allMatch(partition -> events.position(partition) >= ends.get(partition));
            });
            assertThat(published).filteredOn(embargoed::contains).as("one article.published per embargoed briefing")
                    .containsExactlyInAnyOrderElementsOf(embargoed);
        }
    }

    @Test
    @Order(4)
    void killingOneInstanceOfEachServiceUnderLoadLosesNoAcceptedWriteNoEventAndNoRead() throws InterruptedException {
        String member = client.token(MEMBER, "Member-Local-2026");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger reads = new AtomicInteger();
        List<String> failedReads = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                try {
                    accepted.add(publish("Briefing under load " + UUID.randomUUID()));
                } catch (RuntimeException refused) {
                    // Not accepted (the instance died mid-call): the editor would try again; nothing to account for.
                }
            }
        });
        Thread reader = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                reads.incrementAndGet();
                HttpResponse<String> answer;
                try {
                    answer = client.send("GET", gateway(1) + "/api/news/articles?limit=5", member, null, Map.of());
                } catch (RuntimeException cutMidAnswer) {
                    // An instance killed while its answer streams through the gateway cuts it short: the gateway has
                    // sent the status already and can retry nothing, so the client reads again, as any client would.
                    try {
                        answer = client.send("GET", gateway(1) + "/api/news/articles?limit=5", member, null, Map.of());
                    } catch (RuntimeException again) {
                        failedReads.add(cutMidAnswer.getMessage() + ", then " + again.getMessage());
                        continue;
                    }
                }
                if (answer.statusCode() != 200) {
                    failedReads.add(answer.statusCode() + " " + answer.body());
                }
            }
        });
        await().atMost(EVENTUALLY).until(() -> accepted.size() >= 3);

        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!service.module().equals("gateway")) {
                stack.kill(service, 2);
            }
        }
        int acceptedAtKill = accepted.size();
        // The load goes on while the gateways find the dead instances out (their health checks, every few seconds).
        await().pollDelay(Duration.ofSeconds(10)).atMost(EVENTUALLY).until(() -> accepted.size() >= acceptedAtKill + 5);
        loading.set(false);
        writer.join();
        reader.join();

        assertThat(failedReads).as("reads through the gateway while instances died (of %d)", reads.get()).isEmpty();
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(toldOf(member)).as("every accepted briefing told once, none twice").containsAll(accepted).doesNotHaveDuplicates());
        for (String id : accepted) {
            assertThat(client.send("GET", gateway(1) + "/api/news/articles/" + id, member, null, Map.of()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void theGatewaysCountOneRateLimitTogether() {
        // Anonymous calls count per address: 600 a minute, however the calls are spread over the gateways. Windows are
        // whole minutes: start in the first half of one, so that all the calls fall into it (they took under 13 s here).
        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() % 60 < 30);
        int allowed = 0;
        int call = 0;
        while (call < 2000) {
            HttpResponse<String> answer = client.send("GET", gateway(call % 2 + 1) + "/api/news/articles?limit=1", null, null, Map.of());
            call++;
            if (answer.statusCode() == 429) {
                break;
            }
            assertThat(answer.statusCode()).isEqualTo(200);
            allowed++;
        }

        assertThat(allowed).as("calls let through before the first 429").isBetween(590, 600);
        assertThat(client.send("GET", gateway(1) + "/api/news/articles?limit=1", null, null, Map.of()).statusCode()).isEqualTo(429);
        assertThat(client.send("GET", gateway(2) + "/api/news/articles?limit=1", null, null, Map.of()).statusCode()).isEqualTo(429);
    }

    /** Surefire reports a class skipped before its first test without a reason: this line gives it. */
    private static void runOnlyIf(boolean condition, String reason) {
        if (!condition) {
            System.out.println("ReplicasIT skipped: " + reason);
        }
        assumeTrue(condition, reason);
    }

    private static String gateway(int instance) {
        return service("gateway").baseUri(settings, instance).toString();
    }

    /** The demo member follows the test's own tag, in the app. */
    private static void follow(String tag) {
        String member = client.token(MEMBER, "Member-Local-2026");
        JsonNode before = StackClient.parse(client.send("GET", gateway(1) + "/api/notifications/subscriptions", member, null, Map.of()).body());
        var following = (tools.jackson.databind.node.ObjectNode) before.deepCopy();
        following.remove("mandatory");
        following.withArray("tags").add(tag);
        following.set("articles", StackClient.parse("{\"enabled\":true,\"channels\":[\"IN_APP\"],\"cadence\":\"IMMEDIATE\"}"));
        HttpResponse<String> saved = client.send("PUT", gateway(1) + "/api/notifications/subscriptions", member, following, Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** The briefings the member's feed tells of, one entry per feed item. */
    private static List<String> toldOf(String member) {
        JsonNode feed = StackClient.parse(client.send("GET", gateway(1) + "/api/notifications/feed?limit=100", member, null, Map.of()).body());
        return feed.path("items").valueStream().filter(item -> item.path("kind").asString().equals("ARTICLE_PUBLISHED"))
                .map(item -> item.path("link").path("articleId").asString()).toList();
    }

    /** The editor files a draft with the test's tag, through the first gateway. */
    private static JsonNode draft(String title, String editor) {
        HttpResponse<String> draft = client.send("POST", gateway(1) + "/api/admin/news/articles", editor, Map.of(
                "title", title, "lede", "Filed by the replicas test.", "body", "Text.", "language", "en", "tags", List.of(tag),
                "dateline", Map.of("place", "Vienna, Austria", "date", LocalDate.now().toString())), Map.of());
        if (draft.statusCode() != 201) {
            throw new IllegalStateException("draft refused: " + draft.statusCode());
        }
        return StackClient.parse(draft.body());
    }

    /** The editor files and publishes a briefing with the test's tag, through the first gateway; its id. */
    private static String publish(String title) {
        String editor = client.token(EDITOR, "Editor-Local-2026");
        JsonNode filed = draft(title, editor);
        HttpResponse<String> published = client.send("POST", gateway(1) + "/api/admin/news/articles/" + filed.path("id").asString() + "/publish",
                editor, Map.of("version", filed.path("version").asLong()), Map.of());
        if (published.statusCode() != 200) {
            throw new IllegalStateException("publication refused: " + published.statusCode());
        }
        return filed.path("id").asString();
    }

    private static ServiceSpec service(String module) {
        return ServiceSpec.ALL.stream().filter(service -> service.module().equals(module)).findFirst().orElseThrow();
    }
}
