package org.visaport.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.client.ResourceAccessException;

class KeycloakHealthIndicatorTest {

    @Test
    void reportsAnOpenBreakerAsDown() {
        KeycloakGuard guard = new KeycloakGuard(Duration.ofSeconds(30));
        KeycloakHealthIndicator health = new KeycloakHealthIndicator(guard);
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> guard.once(() -> {
                throw new ResourceAccessException("connection refused");
            }));
        }
        assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health(true).getDetails()).containsEntry("circuitBreaker", "OPEN");
    }
}
