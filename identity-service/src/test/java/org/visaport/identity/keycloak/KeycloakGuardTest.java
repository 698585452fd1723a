package org.visaport.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

class KeycloakGuardTest {

    private final KeycloakGuard guard = new KeycloakGuard(Duration.ofSeconds(30));

    @Test
    void retriesIdempotentCallsOnOutages() {
        AtomicInteger calls = new AtomicInteger();
        String result = guard.idempotent(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new ResourceAccessException("connection refused");
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void neverRepeatsACallThatMustRunOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> guard.once(() -> {
            calls.incrementAndGet();
            throw new ResourceAccessException("read timed out");
        })).isInstanceOf(KeycloakUnavailableException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void keycloaksRefusalsAreNotOutages() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guard.once(() -> {
                throw HttpClientErrorException.create(HttpStatus.CONFLICT, "exists", null, null, null);
            })).isInstanceOf(HttpClientErrorException.class);
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void opensAfterRepeatedOutagesAndThenFailsFastWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guard.once(() -> {
                throw new ResourceAccessException("connection refused");
            })).isInstanceOf(KeycloakUnavailableException.class);
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> guard.idempotent(calls::incrementAndGet))
                .isInstanceOfSatisfying(KeycloakUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(calls).hasValue(0);
    }
}
