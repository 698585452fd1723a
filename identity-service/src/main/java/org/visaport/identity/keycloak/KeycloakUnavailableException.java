package org.visaport.identity.keycloak;

import java.time.Duration;

/** Keycloak did not answer, answered with a server error, or the circuit breaker is open. */
public class KeycloakUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public KeycloakUnavailableException(Duration retryAfter, Throwable cause) {
        super("Keycloak is unavailable", cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
