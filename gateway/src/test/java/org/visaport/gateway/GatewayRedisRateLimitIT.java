package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.WithEmbeddedParts;

/**
 * The shared rate-limit store: counts live in a real Redis server (Debian's redis-server, which .ci/run installs), so
 * every gateway instance sees the same count; while Redis is down, calls pass rather than fail.
 */
@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "visaport.gateway.rate-limits.store=redis")
class GatewayRedisRateLimitIT {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    private static final RecordingBackend IDENTITY = new RecordingBackend();
    private static Process redis;
    private static int redisPort;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) throws Exception {
        assumeTrue(Files.isExecutable(REDIS_SERVER), "redis-server is not installed (apt-get install redis-server): skipping the Redis rate-limit test");
        try (ServerSocket free = new ServerSocket(0)) {
            redisPort = free.getLocalPort();
        }
        redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        registry.add("GATEWAY_REDIS_URL", () -> "redis://127.0.0.1:" + redisPort);
        registry.add("IDENTITY_SERVICE_URI", IDENTITY::uri);
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private ReactiveStringRedisTemplate template;

    @Test
    void theCountIsKeptInRedisSoEveryInstanceSharesItAndCallsPassWhileRedisIsDown() throws Exception {
        ApiClient api = new ApiClient(port);
        Map<String, String> from = Map.of("X-Forwarded-For", "192.0.2.77");
        for (int i = 1; i <= 10; i++) {
            assertThat(api.send("POST", "/api/identity/applications", null, Map.of("n", i), from).status()).isEqualTo(200);
        }

        ApiClient.Reply refused = api.send("POST", "/api/identity/applications", null, Map.of("n", 11), from);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("type").asString()).endsWith("/rate-limited");
        String key = template.keys("visaport:rate:applications:address:192.0.2.77:*").blockFirst(Duration.ofSeconds(5));
        assertThat(template.opsForValue().get(key).block(Duration.ofSeconds(5))).isEqualTo("11");

        redis.destroy();
        redis.waitFor();
        assertThat(api.send("POST", "/api/identity/applications", null, Map.of("n", 12), Map.of("X-Forwarded-For", "192.0.2.78"))
                .status()).as("a limiter outage is no VisaPort outage").isEqualTo(200);
    }
}
