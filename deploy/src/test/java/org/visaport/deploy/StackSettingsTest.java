package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path PROJECT = Path.of("/srv/visaport");

    @Test
    void usesTheDocumentedDefaults() {
        StackSettings settings = StackSettings.fromEnvironment(PROJECT, Map.of("HOME", "/home/x"));

        assertThat(settings.port("gateway")).isEqualTo(8080);
        assertThat(settings.port("keycloak")).isEqualTo(8180);
        assertThat(settings.port("kafka")).isEqualTo(9092);
        assertThat(settings.port("mongodb")).isEqualTo(27017);
        assertThat(settings.port("smtp")).isEqualTo(2525);
        assertThat(settings.port("mail-api")).isEqualTo(8025);
        assertThat(settings.home()).isEqualTo(PROJECT.resolve(".visaport"));
        assertThat(settings.mongoUri()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.issuerUri()).isEqualTo("http://127.0.0.1:8180/realms/visaport");
        assertThat(settings.kafkaPartitions()).isEqualTo(6);
    }

    @Test
    void takesEachPortFromItsVariable() {
        StackSettings settings = StackSettings.fromEnvironment(PROJECT,
                Map.of("VISAPORT_GATEWAY_PORT", "18080", "VISAPORT_MAIL_API_PORT", "18025", "VISAPORT_KEYCLOAK_PORT", "18180"));

        assertThat(settings.port("gateway")).isEqualTo(18080);
        assertThat(settings.port("mail-api")).isEqualTo(18025);
        assertThat(settings.issuerUri()).isEqualTo("http://127.0.0.1:18180/realms/visaport");
    }

    @Test
    void pointsAtExternalPartsWhenGiven() {
        StackSettings settings = StackSettings.fromEnvironment(PROJECT, Map.of(
                "MONGODB_URI", "mongodb://db.internal:27017", "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "KEYCLOAK_ISSUER_URI", "https://id.example/realms/visaport"));

        assertThat(settings.mongoUri()).isEqualTo("mongodb://db.internal:27017");
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(settings.issuerUri()).isEqualTo("https://id.example/realms/visaport");
    }

    @Test
    void rejectsAPortThatIsNotANumberWithAOneLineReason() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(PROJECT, Map.of("VISAPORT_NEWS_PORT", "eighty")))
                .isInstanceOf(StackException.class)
                .hasMessage("VISAPORT_NEWS_PORT must be a number between 1 and 65535, not 'eighty'");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(PROJECT, Map.of("VISAPORT_NEWS_PORT", "70000")))
                .isInstanceOf(StackException.class);
    }

    @Test
    void runsOneInstanceOfEachPartAndNoRedisUnlessToldOtherwise() {
        StackSettings settings = StackSettings.fromEnvironment(PROJECT, Map.of());

        assertThat(settings.replicas()).isEqualTo(1);
        assertThat(settings.ports()).doesNotContainKeys("redis", "news-2");
    }

    @Test
    void givesEveryFurtherInstanceAPortOfItsOwnAndTheStackARedis() {
        StackSettings settings = StackSettings.fromEnvironment(PROJECT, Map.of("VISAPORT_REPLICAS", "3", "VISAPORT_NEWS_3_PORT", "40001"));

        assertThat(settings.port("news", 1)).isEqualTo(8082);
        assertThat(settings.port("news", 2)).isEqualTo(18082);
        assertThat(settings.port("news", 3)).isEqualTo(40001);
        assertThat(settings.port("gateway-management", 2)).isEqualTo(18090);
        assertThat(settings.port("redis")).isEqualTo(6379);
        assertThat(settings.ports().keySet()).containsExactlyInAnyOrderElementsOf(StackSettings.portNames(3));
    }

    @Test
    void rejectsReplicasOutsideOneToFive() {
        for (String replicas : java.util.List.of("0", "6", "two")) {
            assertThatThrownBy(() -> StackSettings.fromEnvironment(PROJECT, Map.of("VISAPORT_REPLICAS", replicas)))
                    .isInstanceOf(StackException.class)
                    .hasMessage("the replicas (--replicas or VISAPORT_REPLICAS) must be a number from 1 to 5, not '" + replicas + "'");
        }
    }

    @Test
    void asksForAnExplicitPortWhenAnInstanceWouldFallOffThePortRange() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(PROJECT, Map.of("VISAPORT_REPLICAS", "2", "VISAPORT_NEWS_PORT", "60000")))
                .isInstanceOf(StackException.class).hasMessageStartingWith("VISAPORT_NEWS_2_PORT must be set");
    }

    @Test
    void takesTheReplicasFromTheCommandLine() {
        assertThat(VisaportCommand.withOptions("up", java.util.List.of("--replicas", "2"))).containsEntry("VISAPORT_REPLICAS", "2");
        assertThat(VisaportCommand.withOptions("up", java.util.List.of("--replicas=3"))).containsEntry("VISAPORT_REPLICAS", "3");
        assertThatThrownBy(() -> VisaportCommand.withOptions("down", java.util.List.of("--replicas", "2")))
                .isInstanceOf(StackException.class).hasMessageContaining("unknown option '--replicas'");
    }
}
