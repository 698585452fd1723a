package org.visaport.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.notification.NotificationApiTest;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks as an admin and a downstream system see them: registered over the API with real admin tokens, fed by
 * article events on the real topic, delivered over HTTP to a receiver on 127.0.0.1 that verifies every signature as
 * Standard Webhooks say. Each test has its own receiver path and articles, and deletes its endpoints afterwards.
 */
abstract class WebhooksContract extends NotificationApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String WEBHOOKS = "/api/admin/notifications/webhooks";
    private static WebhookReceiver RECEIVER;
    private static TestUser admin;

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private MeterRegistry meters;
    private final List<String> registered = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startReceiver() {
        RECEIVER = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @AfterEach
    void deleteEndpoints() {
        registered.forEach(id -> api.send("DELETE", WEBHOOKS + "/" + id, adminToken(), null, Map.of()));
    }

    @Test
    void aPublishedBriefingIsDeliveredSignedWithItsTeaserAndNeverItsText() {
        String path = "/published-" + marker();
        ApiClient.Reply created = api.post(WEBHOOKS, adminToken(), Map.of("url", RECEIVER.url(path),
                "eventTypes", List.of("article.published", "article.retracted"), "description", "Partner newsroom"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = created.json();
        String id = endpoint.path("id").asString();
        registered.add(id);
        String secret = endpoint.path("secret").asString();
        assertThat(created.header("Location")).endsWith(WEBHOOKS + "/" + id);
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(endpoint.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(endpoint.path("url").asString()).isEqualTo(RECEIVER.url(path));
        assertThat(endpoint.path("eventTypes").toString()).isEqualTo("[\"article.published\",\"article.retracted\"]");
        assertThat(endpoint.path("description").asString()).isEqualTo("Partner newsroom");
        assertThat(endpoint.path("createdAt").asString()).isNotBlank();
        ApiClient.Reply read = api.get(WEBHOOKS + "/" + id, adminToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.json().path("url").asString()).isEqualTo(RECEIVER.url(path));
        List<JsonNode> listed = all(WEBHOOKS + "?limit=1");
        assertThat(listed).anyMatch(item -> item.path("id").asString().equals(id)).noneMatch(item -> item.has("secret"));

        String text = "Members-only text " + marker();
        String articleId = UUID.randomUUID().toString();
        // Not subscribed: goes nowhere. Same key, so once the published event arrives this one has been handled.
        articleEvent("article.updated", articleId, "Talks resume", "Delegations meet.", text, List.of("sanctions"), List.of(), List.of());
        String published = articleEvent("article.published", articleId, "Talks resume in Geneva", "Delegations meet again.",
                text, List.of("sanctions", "europe"), List.of("europe"), List.of("CH"));

        await().atMost(PATIENCE).until(() -> !RECEIVER.received(path, articleId).isEmpty());
        WebhookReceiver.Request request = RECEIVER.received(path, articleId).getFirst();
        assertThat(request.signedWith(secret)).as("signed with the endpoint's secret").isTrue();
        assertThat(request.signedWith(Signatures.newSecret())).isFalse();
        String eventId = JSON.readTree(published).path("id").asString();
        assertThat(request.id()).isEqualTo(WebhookDelivery.id(eventId, id));
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode body = request.json();
        assertThat(body.path("type").asString()).isEqualTo("article.published");
        assertThat(body.path("timestamp").asString()).isNotBlank();
        JsonNode data = body.path("data");
        assertThat(data.path("id").asString()).isEqualTo(articleId);
        assertThat(data.path("slug").asString()).isEqualTo("article-" + articleId);
        assertThat(data.path("title").asString()).isEqualTo("Talks resume in Geneva");
        assertThat(data.path("lede").asString()).isEqualTo("Delegations meet again.");
        assertThat(data.path("tags").toString()).isEqualTo("[\"sanctions\",\"europe\"]");
        assertThat(data.path("countries").toString()).isEqualTo("[\"CH\"]");
        assertThat(data.path("visibility").asString()).isEqualTo("MEMBERS_ONLY");
        assertThat(data.path("version").asLong()).isEqualTo(1);
        assertThat(data.path("link").asString()).endsWith("/articles/article-" + articleId);
        assertThat(data.has("body")).isFalse();
        assertThat(data.has("bodyHtml")).isFalse();
        assertThat(request.body()).doesNotContain(text);

        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(delivery(id, request.id()).path("status").asString()));
        JsonNode delivery = delivery(id, request.id());
        assertThat(delivery.path("eventId").asString()).isEqualTo(eventId);
        assertThat(delivery.path("eventType").asString()).isEqualTo("article.published");
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(delivery.path("attempts").get(0).path("latencyMs").isNumber()).isTrue();
        assertThat(delivery.path("attempts").get(0).path("at").asString()).isNotBlank();
        assertThat(RECEIVER.received(path, articleId)).hasSize(1);
    }

    @Test
    void aReceiverThatFailsIsRetriedWithBackOffUnderTheSameIdAndEveryAttemptIsLogged() {
        String path = "/flaky-" + marker();
        RECEIVER.answer(path, 500, 500);
        String id = register(path, "article.published");
        String secret = secretOf(id);
        String articleId = UUID.randomUUID().toString();
        double succeededBefore = counted("succeeded");

        published(articleId);

        await().atMost(PATIENCE).until(() -> RECEIVER.received(path, articleId).size() == 3);
        List<WebhookReceiver.Request> requests = RECEIVER.received(path, articleId);
        assertThat(requests).extracting(WebhookReceiver.Request::id).containsOnly(requests.getFirst().id());
        assertThat(requests).allMatch(request -> request.signedWith(secret));
        assertThat(requests).extracting(WebhookReceiver.Request::body).containsOnly(requests.getFirst().body());
        // Back-off: 0.5 s after the first failure, 1 s after the second (a little slack for the clocks).
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(delivery(id, requests.getFirst().id()).path("status").asString()));
        JsonNode attempts = delivery(id, requests.getFirst().id()).path("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.findValuesAsString("httpStatus")).containsExactly("500", "500", "200");
        attempts.forEach(attempt -> assertThat(attempt.path("latencyMs").asLong()).isNotNegative());
        assertThat(counted("succeeded")).isGreaterThanOrEqualTo(succeededBefore + 1);
    }

    @Test
    void exhaustedRetriesFailTheDeliveryAndTheEndpointUntilAnAdminReactivatesAndReplays() {
        String path = "/down-" + marker();
        RECEIVER.otherwise(path, 503);
        String id = register(path, "article.published");
        String witnessPath = "/witness-" + marker();
        register(witnessPath, "article.published");
        String firstArticle = UUID.randomUUID().toString();
        double failedBefore = counted("failed");

        published(firstArticle);

        await().atMost(PATIENCE).until(() -> "FAILING".equals(api.get(WEBHOOKS + "/" + id, adminToken()).json().path("status").asString()));
        JsonNode endpoint = api.get(WEBHOOKS + "/" + id, adminToken()).json();
        assertThat(endpoint.path("failingReason").asString()).contains("HTTP 503");
        List<JsonNode> failed = all(WEBHOOKS + "/" + id + "/deliveries?status=FAILED");
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().path("attempts").size()).isGreaterThanOrEqualTo(3);
        assertThat(failed.getFirst().path("attempts").findValuesAsString("httpStatus")).containsOnly("503");
        assertThat(counted("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
        await().atMost(PATIENCE).until(() -> meters.get("visaport.webhooks.endpoints.failing").gauge().value() >= 1);

        // No further deliveries are queued to it: the witness gets the next event, the failing endpoint nothing.
        String secondArticle = UUID.randomUUID().toString();
        Instant beforeSecond = Instant.now().minusSeconds(1);
        published(secondArticle);
        await().atMost(PATIENCE).until(() -> !RECEIVER.received(witnessPath, secondArticle).isEmpty());
        assertThat(all(WEBHOOKS + "/" + id + "/deliveries")).hasSize(1);
        ApiClient.Reply refused = api.post(WEBHOOKS + "/" + id + "/deliveries/" + failed.getFirst().path("id").asString() + "/replay",
                adminToken(), null);
        assertThat(refused.status()).isEqualTo(409);

        RECEIVER.otherwise(path, 200);
        ApiClient.Reply reactivated = api.put(WEBHOOKS + "/" + id, adminToken(), Map.of("status", "ACTIVE"));
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(reactivated.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(reactivated.json().has("failingSince")).isFalse();

        String failedId = failed.getFirst().path("id").asString();
        ApiClient.Reply replayed = api.post(WEBHOOKS + "/" + id + "/deliveries/" + failedId + "/replay", adminToken(), null);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(delivery(id, failedId).path("status").asString()));
        assertThat(RECEIVER.received(path, firstArticle).getLast().id()).isEqualTo(failedId);
        assertThat(delivery(id, failedId).path("attempts").findValuesAsString("httpStatus")).last().isEqualTo("200");

        // What it missed while FAILING comes with a replay of the time range.
        ApiClient.Reply range = api.post(WEBHOOKS + "/" + id + "/replay", adminToken(),
                Map.of("from", beforeSecond.toString(), "to", Instant.now().plusSeconds(1).toString()));
        assertThat(range.status()).as(range.body()).isEqualTo(202);
        assertThat(range.json().path("queued").asInt()).isGreaterThanOrEqualTo(1);
        await().atMost(PATIENCE).until(() -> !RECEIVER.received(path, secondArticle).isEmpty());
    }

    @Test
    void aDeliveryAndATimeRangeAreReplayedUnderTheSameWebhookIds() {
        String path = "/replay-" + marker();
        String id = register(path, "article.published", "article.corrected");
        String secret = secretOf(id);
        Instant from = Instant.now().minusSeconds(1);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        published(first);
        published(second);
        await().atMost(PATIENCE).until(() -> RECEIVER.received(path, first).size() == 1 && RECEIVER.received(path, second).size() == 1);
        String firstId = RECEIVER.received(path, first).getFirst().id();
        String secondId = RECEIVER.received(path, second).getFirst().id();
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(delivery(id, secondId).path("status").asString()));

        ApiClient.Reply one = api.post(WEBHOOKS + "/" + id + "/deliveries/" + firstId + "/replay", adminToken(), null);
        assertThat(one.status()).as(one.body()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> RECEIVER.received(path, first).size() == 2);
        assertThat(RECEIVER.received(path, first)).extracting(WebhookReceiver.Request::id).containsOnly(firstId);
        assertThat(RECEIVER.received(path, first)).allMatch(request -> request.signedWith(secret));
        assertThat(RECEIVER.received(path, second)).hasSize(1);

        ApiClient.Reply range = api.post(WEBHOOKS + "/" + id + "/replay", adminToken(),
                Map.of("from", from.toString(), "to", Instant.now().plusSeconds(1).toString()));
        assertThat(range.status()).as(range.body()).isEqualTo(202);
        assertThat(range.json().path("queued").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(PATIENCE).until(() -> RECEIVER.received(path, first).size() == 3 && RECEIVER.received(path, second).size() == 2);
        assertThat(RECEIVER.received(path, second)).extracting(WebhookReceiver.Request::id).containsOnly(secondId);
        await().atMost(PATIENCE).until(() -> delivery(id, secondId).path("attempts").size() == 2);
        assertThat(all(WEBHOOKS + "/" + id + "/deliveries").stream().map(d -> d.path("id").asString()))
                .contains(firstId, secondId).doesNotHaveDuplicates();
        assertThat(api.post(WEBHOOKS + "/" + id + "/deliveries/" + "0".repeat(32) + "/replay", adminToken(), null).status())
                .isEqualTo(404);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() {
        String path = "/rotated-" + marker();
        String id = register(path, "article.published");
        String previous = secretOf(id);

        ApiClient.Reply rotated = api.post(WEBHOOKS + "/" + id + "/secret/rotate", adminToken(), null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String current = rotated.json().path("secret").asString();
        assertThat(current).startsWith("whsec_").isNotEqualTo(previous);
        assertThat(Instant.parse(rotated.json().path("previousSecretValidUntil").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(api.get(WEBHOOKS + "/" + id, adminToken()).json().has("secret")).isFalse();

        String articleId = UUID.randomUUID().toString();
        published(articleId);
        await().atMost(PATIENCE).until(() -> !RECEIVER.received(path, articleId).isEmpty());
        WebhookReceiver.Request request = RECEIVER.received(path, articleId).getFirst();
        assertThat(request.signature().split(" ")).hasSize(2);
        assertThat(request.signedWith(current)).isTrue();
        assertThat(request.signedWith(previous)).isTrue();
    }

    @Test
    void anEventDeliveredTwiceIsDeliveredOnce() {
        String path = "/twice-" + marker();
        String id = register(path, "article.published");
        String articleId = UUID.randomUUID().toString();
        String event = published(articleId);
        String eventId = JSON.readTree(event).path("id").asString();
        send("visaport.article.events", "ArticleEvent", articleId, event);
        // Even once the processed-event record is gone (a replay of the topic): the delivery's id stops it.
        await().atMost(PATIENCE).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(WebhookEventsListener.CONSUMER + ":" + eventId)), "processed_events"));
        mongo.remove(Query.query(Criteria.where("_id").is(WebhookEventsListener.CONSUMER + ":" + eventId)), "processed_events");
        send("visaport.article.events", "ArticleEvent", articleId, event);
        // Same key, same partition: once this later one arrives, the copies before it have been handled.
        published(articleId);

        await().atMost(PATIENCE).until(() -> RECEIVER.received(path, articleId).size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> RECEIVER.received(path, articleId).size() == 2);
        assertThat(RECEIVER.received(path, articleId)).extracting(WebhookReceiver.Request::id).doesNotHaveDuplicates();
        assertThat(all(WEBHOOKS + "/" + id + "/deliveries")).hasSize(2);
    }

    @Test
    void internalAddressesAndNonWebUrlsAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8080/", "http://[::1]/",
                "http://10.0.0.1/", "http://192.168.0.10/hook")) {
            ApiClient.Reply refused = api.post(WEBHOOKS, adminToken(), Map.of("url", url, "eventTypes", List.of("article.published")));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString()).isEqualTo("https://visaport.example/problems/webhook-url-refused");
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
        }
        for (String url : List.of("file:///etc/passwd", "ftp://files.example.org/in", "https://user:secret@hooks.example.org/")) {
            ApiClient.Reply invalid = api.post(WEBHOOKS, adminToken(), Map.of("url", url, "eventTypes", List.of("article.published")));
            assertThat(invalid.status()).as(url).isEqualTo(400);
            assertThat(invalid.json().path("type").asString()).isEqualTo("https://visaport.example/problems/validation");
            assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
        }
        String id = register("/ok-" + marker(), "article.published");
        assertThat(api.put(WEBHOOKS + "/" + id, adminToken(), Map.of("url", "http://169.254.169.254/")).status()).isEqualTo(422);

        // Stored before the rules were tightened, or a name that resolves inside now: refused at delivery, and logged.
        String metadata = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        mongo.insert(new Document("_id", metadata).append("url", "http://169.254.169.254/latest/meta-data/")
                .append("eventTypes", List.of("article.published")).append("status", "ACTIVE")
                .append("secret", Signatures.newSecret()).append("createdAt", java.util.Date.from(now))
                .append("updatedAt", java.util.Date.from(now)), "webhook_endpoints");
        registered.add(metadata);
        String articleId = UUID.randomUUID().toString();
        published(articleId);
        await().atMost(PATIENCE).until(() -> !all(WEBHOOKS + "/" + metadata + "/deliveries").isEmpty()
                && !all(WEBHOOKS + "/" + metadata + "/deliveries").getFirst().path("attempts").isEmpty());
        JsonNode attempt = all(WEBHOOKS + "/" + metadata + "/deliveries").getFirst().path("attempts").get(0);
        assertThat(attempt.path("error").asString()).startsWith("refused").contains("169.254.169.254").contains("link-local");
        assertThat(attempt.has("httpStatus")).isFalse();
    }

    @Test
    void onlyAdminsManageWebhooks() {
        String member = token(newMember());
        Map<String, Object> webhook = Map.of("url", RECEIVER.url("/nope"), "eventTypes", List.of("article.published"));
        assertThat(api.get(WEBHOOKS, member).status()).isEqualTo(403);
        assertThat(api.post(WEBHOOKS, member, webhook).status()).isEqualTo(403);
        ApiClient.Reply anonymous = api.get(WEBHOOKS, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post(WEBHOOKS, null, webhook).status()).isEqualTo(401);
        assertThat(api.get(WEBHOOKS, adminToken()).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndUnknownIdsAreNotFound() {
        String url = RECEIVER.url("/bad-" + marker());
        List<Map<String, Object>> bad = List.of(
                Map.of("eventTypes", List.of("article.published")),
                Map.of("url", url, "eventTypes", List.of()),
                Map.of("url", url, "eventTypes", List.of("article.deleted")),
                Map.of("url", url, "eventTypes", Collections.nCopies(11, "article.published")),
                Map.of("url", url, "eventTypes", List.of("article.published"), "description", "x".repeat(501)),
                Map.of("url", "https://hooks.example.org/" + "x".repeat(2000), "eventTypes", List.of("article.published")));
        for (Map<String, Object> body : bad) {
            ApiClient.Reply refused = api.post(WEBHOOKS, adminToken(), body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString()).isEqualTo("https://visaport.example/problems/validation");
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isIn("url", "eventTypes", "description");
        }
        assertThat(api.post(WEBHOOKS, adminToken(), "{not json").status()).isEqualTo(400);

        String unknown = UUID.randomUUID().toString();
        ApiClient.Reply missing = api.get(WEBHOOKS + "/" + unknown, adminToken());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asString()).isEqualTo("https://visaport.example/problems/not-found");
        assertThat(api.put(WEBHOOKS + "/" + unknown, adminToken(), Map.of("description", "x")).status()).isEqualTo(404);
        assertThat(api.send("DELETE", WEBHOOKS + "/" + unknown, adminToken(), null, Map.of()).status()).isEqualTo(404);
        assertThat(api.post(WEBHOOKS + "/" + unknown + "/secret/rotate", adminToken(), null).status()).isEqualTo(404);
        assertThat(api.get(WEBHOOKS + "/" + unknown + "/deliveries", adminToken()).status()).isEqualTo(404);

        String id = register("/bad-" + marker(), "article.published");
        assertThat(api.put(WEBHOOKS + "/" + id, adminToken(), Map.of("eventTypes", List.of("comment.posted"))).status()).isEqualTo(400);
        assertThat(api.put(WEBHOOKS + "/" + id, adminToken(), Map.of("status", "FAILING")).status()).isEqualTo(400);
        assertThat(api.get(WEBHOOKS + "/" + id + "/deliveries?status=LOST", adminToken()).status()).isEqualTo(400);
        assertThat(api.get(WEBHOOKS + "/" + id + "/deliveries?limit=1000", adminToken()).status()).isEqualTo(400);
        assertThat(api.get(WEBHOOKS + "/" + id + "/deliveries?cursor=forged.cursor", adminToken()).status()).isEqualTo(400);
        Instant now = Instant.now();
        for (Map<String, Object> range : List.<Map<String, Object>>of(Map.of("from", now.toString()),
                Map.of("from", now.toString(), "to", now.minusSeconds(60).toString()),
                Map.of("from", now.minus(Duration.ofDays(8)).toString(), "to", now.toString()))) {
            ApiClient.Reply refused = api.post(WEBHOOKS + "/" + id + "/replay", adminToken(), range);
            assertThat(refused.status()).as(range.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isIn("from", "to");
        }

        ApiClient.Reply changed = api.put(WEBHOOKS + "/" + id, adminToken(), Map.of("description", "Renamed",
                "eventTypes", List.of("article.corrected", "article.corrected")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("eventTypes").toString()).isEqualTo("[\"article.corrected\"]");
        assertThat(changed.json().path("description").asString()).isEqualTo("Renamed");
        assertThat(changed.json().has("secret")).isFalse();
        assertThat(api.send("DELETE", WEBHOOKS + "/" + id, adminToken(), null, Map.of()).status()).isEqualTo(204);
        assertThat(api.get(WEBHOOKS + "/" + id, adminToken()).status()).isEqualTo(404);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private synchronized String adminToken() {
        if (admin == null) {
            admin = parts.keycloak().newUser("admin");
        }
        return token(admin);
    }

    /** Registers an endpoint on the receiver's {@code path}; returns its id, and keeps its secret for the test. */
    private String register(String path, String... eventTypes) {
        ApiClient.Reply created = api.post(WEBHOOKS, adminToken(), Map.of("url", RECEIVER.url(path), "eventTypes", List.of(eventTypes)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        registered.add(id);
        secrets.put(id, created.json().path("secret").asString());
        return id;
    }

    private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    private String secretOf(String id) {
        return secrets.get(id);
    }

    /** An article.published event (a new event each time, also for the same article); returns it. */
    private String published(String articleId) {
        return articleEvent("article.published", articleId, "Envoys meet in Vienna", "A first round.", "The text.",
                List.of("diplomacy"), List.of("europe"), List.of("AT"));
    }

    private JsonNode delivery(String endpointId, String deliveryId) {
        return all(WEBHOOKS + "/" + endpointId + "/deliveries").stream()
                .filter(delivery -> delivery.path("id").asString().equals(deliveryId)).findFirst()
                .orElse(JSON.createObjectNode());
    }

    /** Every item of a list, following its cursors. */
    private List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            ApiClient.Reply page = api.get(path + (cursor == null ? "" : separator + "cursor=" + cursor), adminToken());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString(null);
        } while (cursor != null);
        return items;
    }

    private double counted(String outcome) {
        var counter = meters.find("visaport.webhooks.deliveries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
