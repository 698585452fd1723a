package org.visaport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.AsyncApiSchemas;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import org.visaport.testsupport.Parts;
import org.visaport.testsupport.TestEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification service as members and the other services use it: real HTTP with real Keycloak tokens, the real
 * broker, the MongoDB-wire server and an SMTP server ({@link org.visaport.testsupport.TestMail}). Articles, comments, members and membership
 * messages reach it as events on their topics, each checked against docs/asyncapi.yaml before it is sent. Each test
 * makes its own members and articles.
 */
@NotificationServiceTest
public abstract class NotificationApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient FORMS = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected Parts parts;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    protected TestUser newMember() {
        return parts.keycloak().newUser("member");
    }

    protected String token(TestUser user) {
        return parts.keycloak().accessToken(user);
    }

    // --- events, as the other services send them ----------------------------------------------------------------

    /** Sends {@code event} as it is, e.g. a second time to check a redelivery changes nothing. */
    protected void send(String topic, String schema, String key, String event) {
        assertThat(AsyncApiSchemas.violations(schema, event)).as("the test's event follows docs/asyncapi.yaml").isEmpty();
        kafka.send(topic, key, event).join();
    }

    /** Sends a record not checked against docs/asyncapi.yaml: what a faulty producer would send. */
    protected void sendUnchecked(String topic, String key, String value) {
        kafka.send(topic, key, value).join();
    }

    /** identity-service asking to write to someone; returns the event, to send again. */
    protected String notificationRequested(String memberId, String email, String language, String template,
                                           String message, String postingEndsOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("email", email);
        data.put("fullName", "Anna <Maria> Envoy");
        data.put("language", language);
        data.put("template", template);
        data.put("message", message);
        data.put("postingEndsOn", postingEndsOn);
        // Without a member (an applicant refused before one existed), identity-service keys the event by the application.
        String key = memberId != null ? memberId : "application-" + UUID.randomUUID();
        String event = envelope("member.notification-requested", "/identity-service", key, data);
        send("visaport.member.notifications", "MemberNotificationRequested", key, event);
        return event;
    }

    protected void memberApproved(TestUser member) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", member.id());
        data.put("displayName", member.displayName());
        data.put("roles", List.of("member"));
        data.put("approvedAt", Instant.now().toString());
        send("visaport.member.events", "MemberApproved", member.id(),
                envelope("member.approved", "/identity-service", member.id(), data));
    }

    /** Returns the event, to wait until it is handled. */
    protected String memberDeleted(String memberId) {
        String event = envelope("member.deleted", "/identity-service", memberId,
                Map.of("memberId", memberId, "deletedAt", Instant.now().toString()));
        send("visaport.member.events", "MemberDeleted", memberId, event);
        return event;
    }

    protected String articleEvent(String type, String articleId, String title, String lede, String body,
                                  List<String> tags, List<String> regions, List<String> countries) {
        return articleEvent(type, articleId, title, lede, body, tags, regions, countries, 1, null);
    }

    /** An article event of a given version; a retraction reason makes the article retracted (and its text gone). */
    protected String articleEvent(String type, String articleId, String title, String lede, String body,
                                  List<String> tags, List<String> regions, List<String> countries, int version,
                                  String retractionReason) {
        String now = Instant.now().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", articleId);
        data.put("slug", "article-" + articleId);
        data.put("translationGroup", articleId);
        data.put("title", title);
        data.put("lede", lede);
        data.put("body", retractionReason == null ? body : null);
        data.put("bodyHtml", retractionReason == null ? "<p>" + body + "</p>" : null);
        data.put("dateline", Map.of("place", "Vienna, Austria", "date", "2026-11-25", "display", "Vienna, Austria — 25 Nov 2026"));
        data.put("author", Map.of("memberId", "visaport-desk", "displayName", "VisaPort Desk"));
        data.put("tags", tags);
        data.put("regions", regions);
        data.put("countries", countries);
        data.put("language", "en");
        data.put("source", null);
        data.put("status", retractionReason == null ? "PUBLISHED" : "RETRACTED");
        data.put("commentsEnabled", true);
        data.put("publishedAt", now);
        data.put("updatedAt", now);
        data.put("version", version);
        data.put("corrections", version > 1 ? List.of(Map.of("note", "A figure was corrected.", "at", now)) : List.of());
        data.put("retraction", retractionReason == null ? null : Map.of("reason", retractionReason, "at", now));
        String event = envelope(type, "/news-service", articleId, data);
        send("visaport.article.events", "ArticleEvent", articleId, event);
        return event;
    }

    /** A comment event on an article; the author and the parent's author are member ids (parent null: top level). */
    protected String commentEvent(String type, String articleId, String commentId, String authorId, String parentAuthorId,
                                  String state, String excerpt) {
        String now = Instant.now().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commentId", commentId);
        data.put("articleId", articleId);
        data.put("parentId", parentAuthorId == null ? null : UUID.randomUUID().toString());
        data.put("parentAuthorId", parentAuthorId);
        data.put("depth", parentAuthorId == null ? 1 : 2);
        data.put("author", Map.of("memberId", authorId, "displayName", "Consul Vidal"));
        data.put("state", state);
        data.put("featured", false);
        data.put("excerpt", "VISIBLE".equals(state) ? excerpt : null);
        data.put("reports", "comment.reported".equals(type) ? 1 : 0);
        data.put("reportReason", "comment.reported".equals(type) ? "abuse" : null);
        data.put("postedAt", now);
        data.put("editedAt", null);
        data.put("occurredAt", now);
        String event = envelope(type, "/comment-service", commentId, data);
        send("visaport.comment.events", "CommentEvent", articleId, event);
        return event;
    }

    protected static String envelope(String type, String source, String subject, Object data) {
        return TestEvents.envelope(UUID.randomUUID().toString(), type, source, subject, data);
    }

    // --- the API ------------------------------------------------------------------------------------------------

    protected ApiClient.Reply subscribe(TestUser member, List<String> tags, List<String> regions, List<String> countries,
                                        List<String> articleChannels) {
        Map<String, Object> on = Map.of("enabled", true, "channels", List.of("IN_APP"), "cadence", "IMMEDIATE");
        return api.put("/api/notifications/subscriptions", token(member), Map.of("tags", tags, "regions", regions,
                "countries", countries,
                "articles", Map.of("enabled", true, "channels", articleChannels, "cadence", "IMMEDIATE"),
                "repliesToMyComments", on, "commentDecisions", on));
    }

    /** Every item of the member's feed, following the cursors. */
    protected List<JsonNode> feed(TestUser member, String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Reply page = api.get("/api/notifications/feed?limit=2" + query
                    + (cursor == null ? "" : "&cursor=" + cursor), token(member));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString(null);
        } while (cursor != null);
        return items;
    }

    /** A form POST without a token, as a mail client's one-click unsubscribe or a browser's form sends it. */
    protected ApiClient.Reply postForm(String path, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return new ApiClient.Reply(FORMS.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected long unread(TestUser member) {
        ApiClient.Reply reply = api.get("/api/notifications/feed/unread-count", token(member));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("unread").asLong();
    }

    protected static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static String newAddress() {
        return marker() + "@mission.example.org";
    }
}
