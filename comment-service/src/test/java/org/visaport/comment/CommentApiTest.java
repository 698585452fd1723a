package org.visaport.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;
import org.visaport.testsupport.Parts;
import org.visaport.testsupport.TestEvents;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import org.visaport.testsupport.AsyncApiSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comment service as members, moderators and the other services use it: real HTTP, real Keycloak tokens, the
 * real broker and the MongoDB-wire server. Articles and members reach it the way they do in production, as events
 * on news-service's and identity-service's topics (checked against docs/asyncapi.yaml before they are sent). Each
 * test makes its own articles and members, so no test depends on another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "visaport.comments.edit-window=PT3S",
        "visaport.comments.moderation.posts-per-window=12",
        "visaport.comments.news.timeout=PT1S",
        "visaport.comments.queue-metrics-interval=PT0.5S",
        "visaport.consumer.first-retry-after=PT0.05S"})
public abstract class CommentApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** news-service's reader endpoint, asked for articles the events have not announced (yet). */
    protected static final NewsStandIn NEWS = NewsStandIn.start();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    private int port;
    @Autowired
    protected Parts parts;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    protected ApiClient api;

    @DynamicPropertySource
    static void news(DynamicPropertyRegistry registry) {
        registry.add("visaport.comments.news.uri", NEWS::uri);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    protected KeycloakTokens keycloak() {
        return parts.keycloak();
    }

    protected String token(DemoUser user) {
        return keycloak().accessToken(user);
    }

    protected String token(TestUser user) {
        return keycloak().accessToken(user);
    }

    protected TestUser newMember() {
        return keycloak().newUser("member");
    }

    /** A member whose first comments a moderator approved, so post-moderation applies to them. */
    protected TestUser trustedMember() {
        String articleId = publishedArticle("Practice thread " + marker());
        TestUser member = newMember();
        for (int i = 1; i <= 3; i++) {
            JsonNode posted = post(articleId, member, "Settling in, note " + i + " " + UUID.randomUUID()).json();
            assertThat(posted.path("comment").path("state").asString()).isEqualTo("pending");
            decide(posted.path("comment").path("id").asString(), "approve", null);
        }
        return member;
    }

    // --- articles and members, as news-service and identity-service announce them ------------------------------

    /** A published article, announced on visaport.article.events; returns once this service knows it. */
    protected String publishedArticle(String title) {
        String id = UUID.randomUUID().toString();
        articleEvent(id, "article.published", title, "PUBLISHED", true, 1);
        await().atMost(PATIENCE).until(() -> api.get(threadPath(id), null).status() == 200);
        return id;
    }

    protected void articleEvent(String id, String type, String title, String status, boolean commentsEnabled, long version) {
        String now = Instant.now().toString();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("id", id);
        data.put("slug", "article-" + id);
        data.put("translationGroup", id);
        data.put("title", title);
        data.put("lede", "A briefing.");
        data.put("body", "RETRACTED".equals(status) ? null : "Text.");
        data.put("bodyHtml", "RETRACTED".equals(status) ? null : "<p>Text.</p>");
        data.put("dateline", Map.of("place", "Vienna, Austria", "date", "2026-11-25", "display", "Vienna, Austria — 25 Nov 2026"));
        data.put("author", Map.of("memberId", "desk", "displayName", "VisaPort Desk"));
        data.put("tags", List.of());
        data.put("regions", List.of());
        data.put("countries", List.of("AT"));
        data.put("language", "en");
        data.put("source", null);
        data.put("status", status);
        data.put("commentsEnabled", commentsEnabled);
        data.put("publishedAt", now);
        data.put("updatedAt", now);
        data.put("version", version);
        data.put("corrections", List.of());
        data.put("retraction", "RETRACTED".equals(status) ? Map.of("reason", "Unconfirmed.", "at", now) : null);
        send("visaport.article.events", "ArticleEvent", id, TestEvents.envelope(UUID.randomUUID().toString(), type, "/news-service", id, data));
    }

    /** Sends {@code event} as it is, e.g. a second time to check a redelivery changes nothing. */
    protected void send(String topic, String schema, String key, String event) {
        assertThat(AsyncApiSchemas.violations(schema, event)).as("the test's event follows docs/asyncapi.yaml").isEmpty();
        kafka.send(topic, key, event).join();
    }

    protected String memberEvent(String type, String memberId, Map<String, Object> data) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>(data);
        payload.put("memberId", memberId);
        String event = TestEvents.envelope(UUID.randomUUID().toString(), type, "/identity-service", memberId, payload);
        send("visaport.member.events", schemaOf(type), memberId, event);
        return event;
    }

    private static String schemaOf(String type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.split("[.-]")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    // --- the API ------------------------------------------------------------------------------------------------

    protected static String threadPath(String articleId) {
        return "/api/comments/articles/" + articleId + "/comments";
    }

    protected ApiClient.Reply post(String articleId, TestUser member, String text) {
        return api.post(threadPath(articleId), token(member), Map.of("text", text));
    }

    protected ApiClient.Reply reply(String articleId, TestUser member, String parentId, String text) {
        return api.post(threadPath(articleId), token(member), Map.of("text", text, "parentId", parentId));
    }

    /** Posts and expects it to be shown at once; returns the comment id. */
    protected String postVisible(String articleId, TestUser member, String text) {
        ApiClient.Reply posted = post(articleId, member, text);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().path("visible").asBoolean()).as(posted.body()).isTrue();
        return posted.json().path("comment").path("id").asString();
    }

    /** Replies and expects it to be shown at once; returns the reply's id. */
    protected String replyVisible(String articleId, TestUser member, String parentId, String text) {
        ApiClient.Reply posted = reply(articleId, member, parentId, text);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().path("visible").asBoolean()).as(posted.body()).isTrue();
        return posted.json().path("comment").path("id").asString();
    }

    protected JsonNode decide(String commentId, String action, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        ApiClient.Reply decided = api.post("/api/admin/comments/comments/" + commentId + "/decisions", token(DemoUser.MODERATOR), body);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return decided.json();
    }

    protected JsonNode thread(String articleId, String query) {
        ApiClient.Reply reply = api.get(threadPath(articleId) + query, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Every item of a moderation queue, following the cursors. */
    protected List<JsonNode> queue(String name) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api.get("/api/admin/comments/queue?queue=" + name + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token(DemoUser.MODERATOR));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString(null);
        } while (cursor != null);
        return items;
    }

    protected JsonNode queued(String name, String commentId) {
        return queue(name).stream().filter(item -> item.path("id").asString().equals(commentId)).findFirst()
                .orElseThrow(() -> new AssertionError(commentId + " is not in the " + name + " queue"));
    }

    protected static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
