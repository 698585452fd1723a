package org.visaport.testsupport;

/** Kafka broker and MongoDB-wire server inside the test JVM, Keycloak as a process of its own. */
public final class EmbeddedParts implements Parts {

    public static final EmbeddedParts INSTANCE = new EmbeddedParts();

    private EmbeddedParts() {
    }

    @Override
    public String mongoUri() {
        return EmbeddedMongo.uri();
    }

    @Override
    public String kafkaBootstrapServers() {
        return EmbeddedKafkaBroker.bootstrapServers();
    }

    @Override
    public KeycloakTokens keycloak() {
        return TestKeycloak.tokens();
    }
}
