package org.visaport.identity.web;

import java.time.Duration;

/** The request cannot be answered right now but may succeed later; a 503 with Retry-After. */
public class RetryLaterException extends RuntimeException {

    private final Duration retryAfter;

    public RetryLaterException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
