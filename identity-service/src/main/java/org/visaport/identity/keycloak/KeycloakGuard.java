package org.visaport.identity.keycloak;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Every Keycloak call passes a circuit breaker; only calls that are safe to repeat are retried. Keycloak's 4xx
 * answers are the caller's business and count as successes for the breaker.
 */
public class KeycloakGuard {

    private static final Predicate<Throwable> OUTAGE = e -> e instanceof ResourceAccessException
            || e instanceof HttpServerErrorException;

    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Duration retryAfter;

    public KeycloakGuard(Duration retryAfter) {
        this.retryAfter = retryAfter;
        this.breaker = CircuitBreaker.of("keycloak", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(retryAfter)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(OUTAGE)
                .build());
        this.retry = Retry.of("keycloak", RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2))
                .retryOnException(OUTAGE)
                .build());
    }

    /** For calls that may be repeated without changing the outcome (reads, PUTs, deletes, role mappings). */
    public <T> T idempotent(Supplier<T> call) {
        return translate(Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)));
    }

    /** For calls that must not be repeated blindly, such as creating a user. */
    public <T> T once(Supplier<T> call) {
        return translate(CircuitBreaker.decorateSupplier(breaker, call));
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    private <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (CallNotPermittedException | ResourceAccessException | HttpServerErrorException e) {
            throw new KeycloakUnavailableException(retryAfter, e);
        }
    }
}
