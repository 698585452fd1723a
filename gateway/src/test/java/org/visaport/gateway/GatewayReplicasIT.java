package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.WithEmbeddedParts;

/**
 * The gateway in front of two instances of a service, as `./visaport up --replicas 2` runs it: calls are spread over
 * both; when one stops, reads and writes go on (a call whose connection is refused reached nobody, so it goes to the
 * other instance, which gets every call until the health check finds the stopped one back); when it is back, it gets
 * calls again. An instance that answers 503 gets no read retried on it twice and no write repeated elsewhere: that
 * write may have been acted on.
 */
@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayReplicasIT {

    private static final RecordingBackend NEWS_1 = new RecordingBackend();
    private static RecordingBackend news2 = new RecordingBackend();
    private static final int NEWS_2_PORT = news2.port();
    private static final RecordingBackend COMMENTS_OK = new RecordingBackend();
    private static final RecordingBackend COMMENTS_FAILING = new RecordingBackend(0, 503);

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        // As the launcher passes them, with a space after the comma as a hand-written value might have.
        registry.add("NEWS_SERVICE_URI", () -> NEWS_1.uri() + ", http://127.0.0.1:" + NEWS_2_PORT);
        registry.add("COMMENT_SERVICE_URI", () -> COMMENTS_OK.uri() + "," + COMMENTS_FAILING.uri());
    }

    @AfterAll
    static void stop() {
        for (RecordingBackend backend : List.of(NEWS_1, news2, COMMENTS_OK, COMMENTS_FAILING)) {
            backend.stop();
        }
    }

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private LoadBalancerClientFactory loadBalancers;

    @Test
    void callsSpreadReadsAndUnsentWritesSurviveAStoppedInstanceAndTheInstanceGetsCallsOnceBack() {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/news/articles/spread-" + i, null).status()).isEqualTo(200);
        }
        assertThat(reached(NEWS_1, "/api/news/articles/spread-")).as("round robin").isEqualTo(5);
        assertThat(reached(news2, "/api/news/articles/spread-")).as("round robin").isEqualTo(5);

        // Right after a health check, so the next one is a whole interval away and the gateway still sends calls there.
        long checks = news2.readinessChecks();
        await().atMost(Duration.ofSeconds(10)).until(() -> news2.readinessChecks() > checks);
        news2.stop();

        // Round robin sends one of the first writes to the stopped instance: its connection is refused, so nothing
        // reached anyone, and the write goes to the other instance instead of failing.
        for (int i = 0; i < 4; i++) {
            String path = "/api/news/articles/write-" + i;
            assertThat(api.send("POST", path, null, Map.of("n", i), Map.of()).status()).as(path).isEqualTo(200);
            assertThat(NEWS_1.count(path)).as("every write reached a live instance, once").isEqualTo(1);
        }

        for (int i = 0; i < 6; i++) {
            String path = "/api/news/articles/read-while-down-" + i;
            assertThat(api.get(path, null).status()).as(path).isEqualTo(200);
            assertThat(NEWS_1.count(path)).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(instancePorts("news-service")).as("the health check dropped it").containsExactly(NEWS_1.port()));

        news2 = new RecordingBackend(NEWS_2_PORT);
        AtomicInteger call = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/api/news/articles/back-" + call.incrementAndGet(), null).status()).isEqualTo(200);
            assertThat(reached(news2, "/api/news/articles/back-")).as("calls reach it again").isPositive();
        });
        assertThat(instancePorts("news-service")).containsExactlyInAnyOrder(NEWS_1.port(), NEWS_2_PORT);
    }

    @Test
    void aReadAnswered503IsRetriedOnTheOtherInstanceAndAWriteIsNot() {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 6; i++) {
            String path = "/api/comments/articles/a1/read-" + i;
            assertThat(api.get(path, null).status()).as(path).isEqualTo(200);
            assertThat(COMMENTS_OK.count(path)).isEqualTo(1);
        }
        // Round robin takes the next instance for a retry too, so after the first read every read meets the failing one.
        assertThat(reached(COMMENTS_FAILING, "/api/comments/articles/a1/read-")).as("reads answered 503 and retried").isGreaterThanOrEqualTo(5);

        int refused = 0;
        for (int i = 0; i < 2; i++) {
            String path = "/api/comments/articles/a1/write-" + i;
            ApiClient.Reply reply = api.send("POST", path, null, Map.of("n", i), Map.of());
            if (reply.status() == 503) {
                refused++;
                assertThat(COMMENTS_OK.count(path)).as("a write is never retried on another instance").isZero();
                assertThat(COMMENTS_FAILING.count(path)).isEqualTo(1);
            } else {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(COMMENTS_OK.count(path)).isEqualTo(1);
            }
        }
        assertThat(refused).isEqualTo(1);
    }

    private List<Integer> instancePorts(String service) {
        List<ServiceInstance> instances = loadBalancers.getInstance(service, ServiceInstanceListSupplier.class).get()
                .blockFirst(Duration.ofSeconds(5));
        return instances.stream().map(ServiceInstance::getPort).toList();
    }

    private static long reached(RecordingBackend backend, String pathPrefix) {
        return backend.received().stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }
}
