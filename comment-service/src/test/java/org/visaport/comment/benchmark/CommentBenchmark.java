package org.visaport.comment.benchmark;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Comments on the running local stack ({@code ./visaport up}), through the gateway: how long a post-moderated
 * member's comment takes until the thread shows it, under a stated load, and how many thread reads per second an
 * article with 1 000 comments serves. Not a test (no assertion on time; the name keeps it out of
 * {@code ./mvnw verify}). Run it with
 * {@code ./mvnw -pl comment-service test -Dtest=CommentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed figures to docs/benchmarks.md. It lifts the posting rate and trust threshold for its run
 * (to 1 000 per window, one member writing the long thread) through the moderation API and puts the settings back afterwards.
 */
class CommentBenchmark {

    private static final int WRITERS = Integer.getInteger("writers", 4);
    private static final int POSTS_PER_WRITER = Integer.getInteger("posts", 100);
    private static final int WARM_UP = 20;
    private static final int THREAD_SIZE = 1000;
    private static final int READERS = Integer.getInteger("readers", 4);
    private static final Duration READING = Duration.ofSeconds(Integer.getInteger("readSeconds", 20));

    private final ApiClient gateway = new ApiClient(Integer.getInteger("gatewayPort", 8080));
    private final ApiClient direct = new ApiClient(Integer.getInteger("commentPort", 8083));
    private final KeycloakTokens keycloak = new KeycloakTokens(URI.create(System.getProperty("keycloak", "http://127.0.0.1:8180")),
            "visaport", "admin", "admin");

    @Test
    void postToVisibleAndThreadReads() throws Exception {
        String moderator = keycloak.accessToken(DemoUser.MODERATOR);
        JsonNode settings = gateway.get("/api/admin/comments/settings", moderator).json();
        require(gateway.put("/api/admin/comments/settings", moderator, settingsWith(settings, THREAD_SIZE, 0)), 200);
        try {
            List<TestUser> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(keycloak.newUser("member"));
            }
            postToVisible(article("Benchmark: posting"), writers);
            threadReads(article("Benchmark: a thread of 1 000"), keycloak.newUser("member"));
        } finally {
            require(gateway.put("/api/admin/comments/settings", keycloak.accessToken(DemoUser.MODERATOR),
                    settingsWith(settings, settings.path("postsPerWindow").asInt(), settings.path("trustAfter").asInt())), 200);
        }
    }

    private void postToVisible(String article, List<TestUser> writers) throws Exception {
        List<Long> postNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> visibleNanos = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (TestUser writer : writers) {
                running.add(pool.submit(() -> {
                    String token = keycloak.accessToken(writer);
                    for (int i = 0; i < WARM_UP / writers.size() + POSTS_PER_WRITER; i++) {
                        long began = System.nanoTime();
                        ApiClient.Reply posted = gateway.post(path(article), token, Map.of("text", "Benchmark comment " + i + " by " + writer.id()));
                        require(posted, 201);
                        long answered = System.nanoTime();
                        String id = posted.json().path("comment").path("id").asString();
                        while (!gateway.get(path(article) + "?sort=newest&limit=" + (writers.size() + 1), null).body().contains(id)) {
                            Thread.onSpinWait();
                        }
                        long shown = System.nanoTime();
                        if (i >= WARM_UP / writers.size()) {
                            postNanos.add(answered - began);
                            visibleNanos.add(shown - began);
                        }
                        if (answered - began > Duration.ofMinutes(1).toNanos()) {
                            throw new IllegalStateException("a post took over a minute");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("%nPost a comment (post-moderated) through the gateway: %d writers, %d measured posts each, %.1f posts/s%n",
                writers.size(), POSTS_PER_WRITER, (postNanos.size() + WARM_UP) / seconds);
        print("POST answered (201, visible)", postNanos);
        print("POST start -> thread shows it", visibleNanos);
    }

    private void threadReads(String article, TestUser writer) throws Exception {
        String token = keycloak.accessToken(writer);
        List<String> tops = new ArrayList<>();
        for (int i = 0; i < THREAD_SIZE; i++) {
            // One in five is a new top-level comment, the others answer the latest one: 200 threads of five.
            Map<String, String> body = i % 5 == 0 ? Map.of("text", "Top-level comment " + i)
                    : Map.of("text", "Reply " + i, "parentId", tops.getLast());
            ApiClient.Reply posted = direct.post(path(article), token, body);
            require(posted, 201);
            if (i % 5 == 0) {
                tops.add(posted.json().path("comment").path("id").asString());
            }
        }
        for (ApiClient client : List.of(gateway, direct)) {
            for (String query : List.of("?limit=20", "?sort=newest&limit=100")) {
                AtomicLong reads = new AtomicLong();
                List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
                Instant until = Instant.now().plus(READING);
                try (ExecutorService pool = Executors.newFixedThreadPool(READERS)) {
                    for (int r = 0; r < READERS; r++) {
                        pool.submit(() -> {
                            while (Instant.now().isBefore(until)) {
                                long began = System.nanoTime();
                                require(client.get(path(article) + query, null), 200);
                                nanos.add(System.nanoTime() - began);
                                reads.incrementAndGet();
                            }
                            return null;
                        });
                    }
                }
                System.out.printf("%nThread of %d comments, GET %s %s, %d readers: %.0f reads/s%n", THREAD_SIZE, query,
                        client == gateway ? "through the gateway" : "directly (:8083)", READERS,
                        reads.get() / (double) READING.toSeconds());
                print("read", nanos);
            }
        }
    }

    private String article(String title) {
        String editor = keycloak.accessToken(DemoUser.EDITOR);
        JsonNode draft = require(gateway.post("/api/admin/news/articles", editor, Map.of("title", title + " " + Instant.now(),
                "lede", "Measured.", "body", "Measured.", "language", "en",
                "dateline", Map.of("place", "Vienna, Austria", "date", LocalDate.now().toString()))), 201).json();
        String id = draft.path("id").asString();
        require(gateway.post("/api/admin/news/articles/" + id + "/publish", editor, Map.of("version", draft.path("version").asLong())), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gateway.get(path(id), null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("comment-service never heard of article " + id);
            }
            Thread.onSpinWait();
        }
        return id;
    }

    private static Map<String, Object> settingsWith(JsonNode settings, int postsPerWindow, int trustAfter) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>();
        settings.properties().forEach(field -> changed.put(field.getKey(), field.getValue()));
        changed.remove("bannedWords");
        changed.remove("suspectWords");
        changed.put("postsPerWindow", postsPerWindow);
        changed.put("trustAfter", trustAfter);
        return changed;
    }

    private static String path(String article) {
        return "/api/comments/articles/" + article + "/comments";
    }

    private static ApiClient.Reply require(ApiClient.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("  %-32s n=%d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n", what, sorted.size(),
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.getLast() / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
