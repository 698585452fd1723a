package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.ResourceServerContract;

/**
 * The gateway's door rules plus its routing, with recording stand-ins where the services would be. The app runs with
 * its own configuration: loopback is a trusted proxy, so this test's client (on 127.0.0.1) can play the load balancer.
 */
abstract class GatewayContract extends ResourceServerContract {

    private static final String METRICS = "/actuator/prometheus";
    private static final RecordingBackend NEWS = new RecordingBackend();
    private static final RecordingBackend NOTIFICATIONS = new RecordingBackend();

    @Value("${local.server.port}")
    private int publicPort;
    @Value("${local.management.port:-1}")
    private int managementPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWS_SERVICE_URI", NEWS::uri);
        registry.add("NOTIFICATION_SERVICE_URI", NOTIFICATIONS::uri);
    }

    @Override
    protected String protectedPath() {
        return "/api/notifications/inbox";
    }

    @Override
    protected int statusForMember() {
        return 200;
    }

    /**
     * The gateway's actuator is on its management port, where Prometheus scrapes and the host's tools look, so the
     * contract's probe and metrics checks ask there; token checks go to the public port.
     * {@link #keepsTheActuatorOffThePublicPort()} and {@link #answersTheHealthProbesOnThePublicPort()} cover the public port.
     */
    @Override
    protected ApiClient.Reply get(String path, String bearerToken) {
        if (path.startsWith("/actuator/")) {
            assertThat(managementPort).as("the gateway's management port").isPositive().isNotEqualTo(publicPort);
            return new ApiClient(managementPort).get(path, bearerToken);
        }
        return super.get(path, bearerToken);
    }

    @Test
    void routesToTheOwningServiceWithTheCallersToken() {
        String token = parts().keycloak().accessToken(DemoUser.MEMBER);

        assertThat(get("/api/notifications/inbox?limit=5", token).status()).isEqualTo(200);

        assertThat(NOTIFICATIONS.received()).contains(new RecordingBackend.Received("/api/notifications/inbox", "Bearer " + token, "127.0.0.1"));
    }

    @Test
    void letsAnonymousReadersReachTheNews() {
        assertThat(get("/api/news/articles", null).status()).isEqualTo(200);

        assertThat(NEWS.received()).contains(new RecordingBackend.Received("/api/news/articles", null, "127.0.0.1"));
    }

    @Test
    void refusesABadTokenEvenOnAPublicPath() {
        assertThat(get("/api/news/articles", parts().keycloak().otherIssuerToken()).status()).isEqualTo(401);
    }

    @Test
    void passesConditionalGetsAndTheServicesCachingHeadersThroughAndReturnsThe304() {
        String path = RecordingBackend.CONDITIONAL + "/list";

        ApiClient.Reply first = getWithHeaders(path, Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo(RecordingBackend.ETAG);
        assertThat(first.response().headers().allValues("Cache-Control")).as("the gateway's security headers leave it alone")
                .containsExactly(RecordingBackend.CACHE_CONTROL);
        assertThat(first.header("Pragma")).isNull();
        assertThat(String.join(",", first.response().headers().allValues("Vary"))).contains("Authorization");

        ApiClient.Reply again = getWithHeaders(path, Map.of("If-None-Match", RecordingBackend.ETAG));
        assertThat(NEWS.headersAt(path).get("If-None-Match")).isEqualTo(RecordingBackend.ETAG);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(RecordingBackend.ETAG);
        assertThat(again.response().headers().allValues("Cache-Control")).containsExactly(RecordingBackend.CACHE_CONTROL);
    }

    // Who the client is (issue 8, item 11). The services get X-Forwarded-For with exactly the client's address.

    @Test
    void takesTheClientAddressFromATrustedProxy() {
        assertThat(forwardedFor("/api/news/articles/via-proxy", Map.of("X-Forwarded-For", "203.0.113.7, 127.0.0.1")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheRightMostUntrustedAddressOfAChain() {
        // 198.51.100.23 handed the request to the trusted proxies; what it says about 203.0.113.7 is its own claim.
        assertThat(forwardedFor("/api/news/articles/via-chain", Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.23, 127.0.0.1")))
                .isEqualTo("198.51.100.23");
    }

    @Test
    void takesTheLeftMostAddressWhenEveryHopIsATrustedProxy() {
        assertThat(forwardedFor("/api/news/articles/all-trusted", Map.of("X-Forwarded-For", "127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void passesNoOtherClaimAboutTheClientToTheServices() {
        getWithHeaders("/api/news/articles/other-claims", Map.of("X-Forwarded-For", "203.0.113.7",
                "Forwarded", "for=192.0.2.60;proto=https", "X-Real-IP", "192.0.2.61"));

        assertThat(NEWS.receivedAt("/api/news/articles/other-claims"))
                .isEqualTo(new RecordingBackend.Received("/api/news/articles/other-claims", null, "203.0.113.7", null, null));
    }

    // Metrics and the rest of the actuator stay off the public port (issue 8, item 12).

    @Test
    void keepsTheActuatorOffThePublicPort() {
        String member = parts().keycloak().accessToken(DemoUser.MEMBER);
        for (String path : List.of(METRICS, "/actuator/info", "/actuator/gateway/routes", "/actuator", "/actuator/health",
                "/actuator/env", "/actuator/metrics")) {
            for (String token : Arrays.asList(null, member)) {
                ApiClient.Reply reply = new ApiClient(publicPort).get(path, token);
                String what = path + (token == null ? " anonymously" : " as a member") + ": " + reply.body();
                assertThat(reply.status()).as(what).isIn(401, 403, 404);
                assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
                assertThat(reply.json().path("status").asInt()).as(what).isEqualTo(reply.status());
                assertThat(reply.body()).as(what).doesNotContain("jvm_", "127.0.0.1:");
            }
        }
    }

    @Test
    void answersTheHealthProbesOnThePublicPort() {
        for (String probe : List.of("/livez", "/readyz")) {
            ApiClient.Reply reply = new ApiClient(publicPort).get(probe, null);
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().path("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void servesMetricsInfoAndProbesOnTheManagementPort() {
        assertThat(managementPort).as("the gateway's management port").isPositive().isNotEqualTo(publicPort);
        ApiClient management = new ApiClient(managementPort);

        getWithHeaders("/api/news/articles/counted", Map.of());
        ApiClient.Reply metrics = management.get(METRICS, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
        assertThat(management.get("/actuator/info", null).json().path("service").asString()).isEqualTo("gateway");
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void bindsTheManagementPortToLoopbackOnly() throws IOException {
        assertThat(managementPort).as("the gateway's management port").isPositive().isNotEqualTo(publicPort);
        InetAddress external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst().orElse(null);
        assumeTrue(external != null, "this machine has no address besides loopback");

        assertThat(connects(external, publicPort)).as("public port on " + external).isTrue();
        assertThat(connects(external, managementPort)).as("management port on " + external).isFalse();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String forwardedFor(String path, Map<String, String> headers) {
        assertThat(getWithHeaders(path, headers).status()).isEqualTo(200);
        return NEWS.receivedAt(path).forwardedFor();
    }

    private ApiClient.Reply getWithHeaders(String path, Map<String, String> headers) {
        return new ApiClient(publicPort).send("GET", path, null, null, headers);
    }
}
