package org.visaport.identity.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.visaport.identity.keycloak.CredentialRejectedException;
import org.visaport.identity.keycloak.KeycloakUnavailableException;
import org.visaport.platform.problem.Problems;

/** identity-service's own failures as problem details with the shared types; ahead of the shared advice. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemsAdvice {

    private static final Logger log = LoggerFactory.getLogger(IdentityProblemsAdvice.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(KeycloakUnavailableException e) {
        return withRetryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The identity provider is unavailable; nothing was changed. Try again later."), e.retryAfter());
    }

    /** The database failed under us: nothing half-done stays (see ApplicationService), so a retry is safe. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessResourceFailureException e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return withRetryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The service cannot store data right now; nothing was changed. Try again later."), Duration.ofSeconds(10));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> retryLater(RetryLaterException e) {
        return withRetryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                e.getMessage()), e.retryAfter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return withRetryAfter(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                e.getMessage()), e.retryAfter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(CredentialRejectedException e) {
        return invalid(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return invalid(e.field(), e.getMessage());
    }

    /**
     * Constraints on parameters (limits, headers, path variables) make Spring validate the whole method, bodies
     * included; report them field by field like body errors.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidArguments(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(error(error.getField(), error.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(error(name, error.getDefaultMessage())));
            }
        }
        return invalid(errors);
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        return invalid(List.of(error(field, message)));
    }

    private static ResponseEntity<ProblemDetail> invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field == null ? "request" : field, "message", message == null ? "is invalid" : message);
    }

    private static ResponseEntity<ProblemDetail> withRetryAfter(ProblemDetail problem, Duration retryAfter) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(problem);
    }
}
