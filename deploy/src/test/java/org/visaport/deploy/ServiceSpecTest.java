package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    private static final StackSettings DEFAULTS = StackSettings.fromEnvironment(Path.of("/srv/visaport"), Map.of("HOME", "/home/x"));

    private static ServiceSpec service(String module) {
        return ServiceSpec.ALL.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }

    @Test
    void runsTheGatewaysActuatorOnItsManagementPort() {
        ServiceSpec gateway = service("gateway");

        assertThat(gateway.environment(DEFAULTS)).containsEntry("SERVER_PORT", "8080").containsEntry("GATEWAY_MANAGEMENT_PORT", "8090");
        assertThat(gateway.readinessUri(DEFAULTS)).isEqualTo(URI.create("http://127.0.0.1:8080/readyz"));
        assertThat(gateway.metricsUri(DEFAULTS)).isEqualTo(URI.create("http://127.0.0.1:8090/actuator/prometheus"));
    }

    @Test
    void takesTheGatewaysManagementPortFromItsVariable() {
        StackSettings settings = StackSettings.fromEnvironment(Path.of("/srv/visaport"), Map.of("VISAPORT_GATEWAY_MANAGEMENT_PORT", "18090"));

        assertThat(service("gateway").environment(settings)).containsEntry("GATEWAY_MANAGEMENT_PORT", "18090");
        assertThat(service("gateway").metricsUri(settings)).isEqualTo(URI.create("http://127.0.0.1:18090/actuator/prometheus"));
    }

    @Test
    void leavesTheServicesActuatorOnTheirOwnPort() {
        ServiceSpec news = service("news-service");

        assertThat(news.environment(DEFAULTS)).doesNotContainKey("GATEWAY_MANAGEMENT_PORT");
        assertThat(news.readinessUri(DEFAULTS)).isEqualTo(URI.create("http://127.0.0.1:8082/actuator/health/readiness"));
        assertThat(news.metricsUri(DEFAULTS)).isEqualTo(URI.create("http://127.0.0.1:8082/actuator/prometheus"));
    }

    @Test
    void aStackOfTwoReplicasRunsEachInstanceOnItsOwnPortAndTheGatewayBalancesOverAll() {
        StackSettings two = StackSettings.fromEnvironment(Path.of("/srv/visaport"), Map.of("VISAPORT_REPLICAS", "2"));

        assertThat(service("news-service").name(2)).isEqualTo("news-service-2");
        assertThat(service("news-service").environment(two, 2)).containsEntry("SERVER_PORT", "18082");
        assertThat(service("gateway").environment(two, 2)).containsEntry("SERVER_PORT", "18080")
                .containsEntry("GATEWAY_MANAGEMENT_PORT", "18090")
                .containsEntry("NEWS_SERVICE_URI", "http://127.0.0.1:8082,http://127.0.0.1:18082")
                .containsEntry("GATEWAY_RATE_LIMIT_STORE", "redis").containsEntry("GATEWAY_SESSION_STORE", "redis")
                .containsEntry("GATEWAY_REDIS_URL", "redis://127.0.0.1:6379");
        // A service's own fallback calls take one address: the first instance.
        assertThat(service("comment-service").environment(two, 2)).containsEntry("NEWS_SERVICE_URI", "http://127.0.0.1:8082");
    }

    @Test
    void aSingleGatewayKeepsItsCountersAndSessionsInMemory() {
        assertThat(service("gateway").environment(DEFAULTS)).containsEntry("NEWS_SERVICE_URI", "http://127.0.0.1:8082")
                .doesNotContainKeys("GATEWAY_RATE_LIMIT_STORE", "GATEWAY_SESSION_STORE", "GATEWAY_REDIS_URL");
    }
}
