package org.visaport.testsupport;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;
import org.visaport.deploy.BuildArtifacts;
import org.visaport.deploy.KeycloakServer;

/**
 * The same parts as containers: real MongoDB, Apache Kafka and Keycloak images. Used by the *ContainersIT variants,
 * which JUnit skips where no Docker engine runs.
 */
public final class ContainerParts implements Parts {

    public static final ContainerParts INSTANCE = new ContainerParts();
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-only-admin";

    private MongoDBContainer mongo;
    private KafkaContainer kafka;
    private GenericContainer<?> keycloak;
    private KeycloakTokens tokens;

    private ContainerParts() {
    }

    @Override
    public synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:8.0");
            mongo.start();
        }
        return mongo.getConnectionString();
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.2");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized KeycloakTokens keycloak() {
        if (keycloak == null) {
            keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:" + BuildArtifacts.load().keycloakVersion())
                    .withExposedPorts(8080)
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN)
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
                    .withCopyFileToContainer(MountableFile.forHostPath(ProjectLayout.realmDirectory().resolve("visaport-realm.json")),
                            "/opt/keycloak/data/import/visaport-realm.json")
                    // The login theme the realm names, where the image's Keycloak looks for themes.
                    .withCopyFileToContainer(MountableFile.forHostPath(ProjectLayout.realmDirectory().resolve("themes")),
                            "/opt/keycloak/themes")
                    .withCommand("start-dev", "--import-realm")
                    .waitingFor(Wait.forHttp("/realms/" + KeycloakServer.REALM + "/.well-known/openid-configuration")
                            .forPort(8080).withStartupTimeout(Duration.ofMinutes(4)));
            keycloak.start();
            // Dev mode derives the issuer from the request's host, which is this address for the tests and the service alike.
            URI base = URI.create("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080));
            tokens = new KeycloakTokens(base, KeycloakServer.REALM, ADMIN, ADMIN_PASSWORD);
        }
        return tokens;
    }
}
