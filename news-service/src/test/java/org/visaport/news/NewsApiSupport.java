package org.visaport.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.Parts;
import tools.jackson.databind.JsonNode;

/**
 * What the news service's API tests share: a client on the running service, real tokens, and articles the newsroom
 * writes, each marked (in its tags) with a word no other test uses, so a test finds its own among everyone's.
 */
abstract class NewsApiSupport {

    @Value("${local.server.port}")
    private int port;
    @Autowired
    protected Parts parts;
    protected ApiClient api;
    protected String marker;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected static void assertFieldError(ApiClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/validation");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            reply.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            assertThat(fields).as(reply.body()).contains(field);
        }
    }

    protected Map<String, Object> article(String title) {
        return article(title, "The **envoys** met for three hours.");
    }

    protected Map<String, Object> article(String title, String body) {
        return article(title, body, Map.of());
    }

    protected Map<String, Object> article(String title, String body, Map<String, Object> overrides) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("lede", "A short summary of " + title + ".");
        article.put("body", body);
        article.put("dateline", Map.of("place", "Vienna, Austria", "date", "2016-10-03"));
        article.put("tags", List.of(marker, "diplomacy"));
        article.put("regions", List.of("europe"));
        article.put("countries", List.of("AT"));
        article.put("language", "en");
        article.put("source", "Test desk");
        article.putAll(overrides);
        return article;
    }

    protected JsonNode create(Map<String, Object> article) {
        ApiClient.Reply reply = api.post("/api/admin/news/articles", token(DemoUser.EDITOR), article);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    protected JsonNode publish(JsonNode draft) {
        return action(draft.path("id").asString(), "publish", Map.of("version", draft.path("version").asLong()));
    }

    protected JsonNode action(String id, String action, Map<String, Object> body) {
        ApiClient.Reply reply = api.post("/api/admin/news/articles/" + id + "/" + action, token(DemoUser.EDITOR), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    protected String token(DemoUser user) {
        return parts.keycloak().accessToken(user);
    }

    protected static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }
}
