package org.visaport.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The real parts a service's integration test runs against: embedded here, containers where Docker exists. */
public interface Parts {

    String mongoUri();

    String kafkaBootstrapServers();

    /** Starts Keycloak on first use: only tests that need tokens pay for it. */
    KeycloakTokens keycloak();

    /** Points a Spring test context at these parts; expiry is checked without tolerance so expired tokens fail at once. */
    default void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", this::mongoUri);
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("visaport.security.issuer-uri", () -> keycloak().issuerUri());
        registry.add("visaport.security.clock-skew", () -> "0s");
    }
}
