package org.visaport.identity.keycloak;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the Keycloak circuit breaker under /actuator/health without calling Keycloak. Deliberately not part of
 * readiness: members' own reads and token checks still work while Keycloak is away.
 */
class KeycloakHealthIndicator extends AbstractHealthIndicator {

    private final KeycloakGuard guard;

    KeycloakHealthIndicator(KeycloakGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CircuitBreaker.State state = guard.state();
        (state == CircuitBreaker.State.OPEN ? builder.down() : builder.up()).withDetail("circuitBreaker", state.name());
    }
}
