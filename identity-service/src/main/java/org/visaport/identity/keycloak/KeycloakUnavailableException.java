package org.visaport.identity.keycloak;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
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

    /**
     * True when the request cannot have reached Keycloak (breaker open, no connection), so it changed nothing there;
     * false when it may have been carried out before the answer was lost (a timeout, a 5xx).
     */
    public boolean requestNeverSent() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CallNotPermittedException || cause instanceof ConnectException
                    || cause instanceof HttpConnectTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
