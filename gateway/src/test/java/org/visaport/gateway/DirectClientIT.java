package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;

/**
 * A client that is no trusted proxy cannot choose the address the services see (issue 8, item 11). Only the load
 * balancer at 10.0.0.7 is trusted here, so this test's client on 127.0.0.1 is an ordinary client; public paths only,
 * so no Keycloak is needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "GATEWAY_TRUSTED_PROXIES=10\\.0\\.0\\.7")
class DirectClientIT {

    private static final RecordingBackend NEWS = new RecordingBackend();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWS_SERVICE_URI", NEWS::uri);
    }

    @Test
    void forwardsTheConnectionsAddress() {
        assertThat(received("/api/news/articles/direct", Map.of()))
                .isEqualTo(new RecordingBackend.Received("/api/news/articles/direct", null, "127.0.0.1"));
    }

    @Test
    void ignoresWhatTheClientClaimsAboutItsAddress() {
        assertThat(received("/api/news/articles/spoofed", Map.of("X-Forwarded-For", "203.0.113.7",
                "Forwarded", "for=203.0.113.8", "X-Real-IP", "203.0.113.9")))
                .isEqualTo(new RecordingBackend.Received("/api/news/articles/spoofed", null, "127.0.0.1"));
    }

    @Test
    void ignoresAClaimedChainThatEndsInATrustedProxy() {
        assertThat(received("/api/news/articles/claimed-chain", Map.of("X-Forwarded-For", "203.0.113.7, 10.0.0.7")))
                .isEqualTo(new RecordingBackend.Received("/api/news/articles/claimed-chain", null, "127.0.0.1"));
    }

    private RecordingBackend.Received received(String path, Map<String, String> headers) {
        assertThat(new ApiClient(port).send("GET", path, null, null, headers).status()).isEqualTo(200);
        return NEWS.receivedAt(path);
    }
}
