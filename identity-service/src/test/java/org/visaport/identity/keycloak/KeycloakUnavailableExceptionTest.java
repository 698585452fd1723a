package org.visaport.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class KeycloakUnavailableExceptionTest {

    @Test
    void aRefusedConnectionChangedNothing() {
        assertThat(unavailable(new ResourceAccessException("I/O error", new ConnectException("refused"))).requestNeverSent()).isTrue();
    }

    @Test
    void aTimeoutOrServerErrorMayHaveChangedSomething() {
        assertThat(unavailable(new ResourceAccessException("I/O error", new HttpTimeoutException("read timed out")))
                .requestNeverSent()).isFalse();
        assertThat(unavailable(HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "bad gateway", null, null, null))
                .requestNeverSent()).isFalse();
    }

    @Test
    void matchesUsersCreatedSinceTheApplicationWithinClockTolerance() {
        Instant applied = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(new KeycloakUser("u", applied.plusSeconds(1).toEpochMilli()).createdSince(applied)).isTrue();
        assertThat(new KeycloakUser("u", applied.minusSeconds(10).toEpochMilli()).createdSince(applied)).isTrue();
        assertThat(new KeycloakUser("u", applied.minusSeconds(3600).toEpochMilli()).createdSince(applied)).isFalse();
    }

    private static KeycloakUnavailableException unavailable(Throwable cause) {
        return new KeycloakUnavailableException(Duration.ofSeconds(30), cause);
    }
}
