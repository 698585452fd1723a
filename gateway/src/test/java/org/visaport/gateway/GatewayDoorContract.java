package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.Parts;

/**
 * The gateway as the one door: every answer it makes itself is problem details, coarse role rules hold before a
 * service is reached, browsers get security headers and CORS only for the configured origins, and a service that is
 * down gives a fast 503 that ends when it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "visaport.gateway.cors.allowed-origins=https://web.visaport.example",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        // Short, so the stream test shows the live stream is exempt from what cuts every other call.
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
abstract class GatewayDoorContract {

    private static final RecordingBackend NEWS = new RecordingBackend();
    private static final RecordingBackend IDENTITY = new RecordingBackend();
    private static RecordingBackend comments = new RecordingBackend();
    private static final int COMMENT_PORT = comments.port();
    private static final SlowStream NOTIFICATIONS = new SlowStream();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWS_SERVICE_URI", NEWS::uri);
        registry.add("IDENTITY_SERVICE_URI", IDENTITY::uri);
        registry.add("COMMENT_SERVICE_URI", () -> "http://127.0.0.1:" + COMMENT_PORT);
        registry.add("NOTIFICATION_SERVICE_URI", NOTIFICATIONS::uri);
    }

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private Parts parts;

    private ApiClient api() {
        return new ApiClient(port);
    }

    private String token(DemoUser user) {
        return parts.keycloak().accessToken(user);
    }

    @Test
    void answersWhatItRefusesItselfWithProblemDetails() {
        String member = token(DemoUser.MEMBER);

        assertProblem(api().get("/nowhere/at/all", member), 404, "not-found");
        assertProblem(api().get("/api/news/articles/%00", null), 400, "bad-request");
        assertProblem(api().get("/api/news/articles/a%2Fb", null), 400, "bad-request");
        assertProblem(api().get("/api/news/articles/" + "a".repeat(9000), null), 414, "uri-too-long");
        assertProblem(api().send("GET", "/api/news/articles", null, null, Map.of("X-Padding", "p".repeat(20_000))), 431,
                "headers-too-large");
        assertThat(NEWS.received()).noneMatch(r -> r.path().contains("%00") || r.path().length() > 1000);
    }

    /**
     * A client that sends its next request at once, before the gateway is done with the last one (as a pipelining
     * client always does, and the JDK client now and then does on a connection it reuses), still gets every answer on
     * that connection: a refusal the gateway answers at once must not leave the connection unread.
     */
    @Test
    void aKeepAliveConnectionIsAnsweredAfterRequestsSentBeforeTheLastAnswer() throws Exception {
        try (var connection = new KeepAliveConnection(port, Duration.ofSeconds(5))) {
            connection.get("/api/news/articles/pipelined-first", "/api/news/articles/a%2Fb");
            assertThat(connection.read().status()).isEqualTo(200);
            assertThat(connection.read().status()).isEqualTo(400);

            connection.get("/api/news/articles/%00", "/nowhere/at/all");
            assertThat(connection.read().status()).isEqualTo(400);
            assertThat(connection.read().status()).as("no token").isEqualTo(401);

            connection.get("/api/news/articles/pipelined-last");
            KeepAliveConnection.Answer last = connection.read();
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.body()).isEqualTo("{\"items\":[]}");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItReachesAService() throws Exception {
        String member = token(DemoUser.MEMBER);
        byte[] overOneMegabyte = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(overOneMegabyte, (byte) 'x');

        var declared = post("/api/news/articles/too-large-declared", member,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(overOneMegabyte));
        var chunked = post("/api/news/articles/too-large-chunked", member,
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(overOneMegabyte)));
        var small = post("/api/news/articles/small-chunked", member,
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream("{}".getBytes())));

        for (var refused : List.of(declared, chunked)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("https://visaport.example/problems/payload-too-large");
        }
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(NEWS.headersAt("/api/news/articles/small-chunked")).containsEntry("Content-Length", "2");
        assertThat(NEWS.received()).noneMatch(r -> r.path().contains("too-large"));
    }

    private java.net.http.HttpResponse<String> post(String path, String token, java.net.http.HttpRequest.BodyPublisher body)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .expectContinue(true).POST(body).build();
        try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void coarseRoleRulesHoldBeforeAServiceIsReached() {
        ApiClient.Reply member = api().get("/api/admin/news/articles/member-tries", token(DemoUser.MEMBER));
        assertProblem(member, 403, "forbidden");
        assertProblem(api().get("/api/admin/identity/applications/anonymous-tries", null), 401, "unauthorized");
        assertThat(api().get("/api/admin/news/articles/editor-may", token(DemoUser.EDITOR)).status()).isEqualTo(200);
        assertThat(api().get("/api/admin/identity/applications/moderator-may", token(DemoUser.MODERATOR)).status()).isEqualTo(200);

        assertThat(NEWS.received()).extracting(RecordingBackend.Received::path)
                .contains("/api/admin/news/articles/editor-may").doesNotContain("/api/admin/news/articles/member-tries");
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        for (ApiClient.Reply reply : new ApiClient.Reply[] {api().get("/api/news/articles", null), api().get("/nowhere", null)}) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        }
    }

    @Test
    void browsersOnTheWebOriginMayCallAndOthersMayNot() {
        ApiClient.Reply allowed = preflight("https://web.visaport.example");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://web.visaport.example");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");

        ApiClient.Reply refused = preflight("https://evil.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aServiceThatIsDownGivesAFast503UntilItIsBack() {
        comments.stop();
        String path = "/api/comments/articles/a1/comments";

        ApiClient.Reply down = api().get(path, null);
        assertProblem(down, 503, "unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.json().path("instance").asString()).isEqualTo(path);
        assertThat(api().get("/api/news/articles", null).status()).as("the other routes go on").isEqualTo(200);

        comments = new RecordingBackend(COMMENT_PORT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api().get(path, null).status()).isEqualTo(200));
    }

    @Test
    void everyRoutedCallCarriesARequestIdAndATraceToTheServiceAndTheIdComesBack() {
        ApiClient.Reply generated = api().get("/api/news/articles/request-id-made", null);
        ApiClient.Reply kept = api().send("GET", "/api/news/articles/request-id-kept", null, null, Map.of("X-Request-Id", "client-42"));
        ApiClient.Reply replaced = api().send("GET", "/api/news/articles/request-id-bad", null, null, Map.of("X-Request-Id", "bad id\u00e9"));

        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f]{16,32}");
        assertThat(NEWS.headersAt("/api/news/articles/request-id-made").get("X-Request-Id")).isEqualTo(generated.header("X-Request-Id"));
        assertThat(NEWS.headersAt("/api/news/articles/request-id-made").get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(kept.header("X-Request-Id")).isEqualTo("client-42");
        assertThat(NEWS.headersAt("/api/news/articles/request-id-kept").get("X-Request-Id")).isEqualTo("client-42");
        assertThat(replaced.header("X-Request-Id")).isNotEqualTo("bad id\u00e9").matches("[0-9a-f]{16,32}");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void eachRoutedCallLeavesOneLogLineWithItsTraceAndRequestIdButNotItsQuery(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        api().send("GET", "/api/news/articles/logged?q=dana@mission.example", null, null,
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-Id", "support-7"));

        assertThat(NEWS.headersAt("/api/news/articles/logged").get("traceparent")).contains(traceId);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("GET /api/news/articles/logged -> 200 in ")
                .contains("(trace " + traceId + ", request support-7)")
                .doesNotContain("dana@mission.example"));
    }

    @Test
    void tooManyApplicationsFromOneAddressAreRefusedWithTheLimitHeaders() {
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100.23");
        ApiClient.Reply last = null;
        for (int i = 1; i <= 10; i++) {
            last = api().send("POST", "/api/identity/applications", null, Map.of("n", i), from);
            assertThat(last.status()).isEqualTo(200);
        }
        assertThat(last.header("RateLimit-Limit")).isEqualTo("10");
        assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");

        ApiClient.Reply refused = api().send("POST", "/api/identity/applications", null, Map.of("n", 11), from);
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(api().send("POST", "/api/identity/applications", null, Map.of("n", 1), Map.of("X-Forwarded-For", "198.51.100.24"))
                .status()).as("another address has its own count").isEqualTo(200);
        assertThat(api().get("/api/news/articles", null).status()).as("other rules count apart").isEqualTo(200);
    }

    @Test
    void theLiveStreamOutlastsTheTimeoutsThatCutEveryOtherCall() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token(DemoUser.MEMBER)).header("Accept", "text/event-stream").GET().build();

        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().filter(line -> line.startsWith("data:")).toList())
                .as("four events a second apart, longer than the 1 s response timeout")
                .containsExactly("data: 1", "data: 2", "data: 3", "data: 4");
        assertProblem(api().get("/api/notifications/slow", token(DemoUser.MEMBER)), 503, "unavailable");
    }

    private ApiClient.Reply preflight(String origin) {
        return api().send("OPTIONS", "/api/notifications/feed", null, null, Map.of("Origin", origin,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.body()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/" + slug);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
    }
}
