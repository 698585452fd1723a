package org.visaport.platform.problem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problem types every VisaPort API shares, with stable URIs clients can switch on, and the one way services fail
 * a request: throw one of the {@link ErrorResponseException}s made here; Spring MVC renders it with its status and
 * headers (e.g. {@code Retry-After}).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://visaport.example/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** A field error as clients get it in {@code errors}. */
    public record FieldError(String field, String message) {

        public FieldError {
            field = field == null || field.isBlank() ? "request" : field;
            message = message == null ? "is invalid" : message;
        }

        Map<String, String> toMap() {
            return Map.of("field", field, "message", message);
        }
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields.");
        problem.setProperty("errors", errors.stream().map(FieldError::toMap).toList());
        return problem;
    }

    /** Bad input in one field, with the same shape as Jakarta Validation's field errors. */
    public static ErrorResponseException invalidField(String field, String message) {
        return exception(validation(List.of(new FieldError(field, message))));
    }

    public static ErrorResponseException notFound(String title, String detail) {
        return exception(of(HttpStatus.NOT_FOUND, "not-found", title, detail));
    }

    /** A request that does not fit the current state, e.g. a decision about an application already decided. */
    public static ErrorResponseException conflict(String title, String detail) {
        return conflict("conflict", title, detail);
    }

    /** A conflict clients should tell apart from others, under its own type. */
    public static ErrorResponseException conflict(String slug, String title, String detail) {
        return exception(of(HttpStatus.CONFLICT, slug, title, detail));
    }

    public static ErrorResponseException idempotencyKeyReused() {
        return exception(of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request; use a new key for a new request."));
    }

    public static ErrorResponseException idempotencyKeyInFlight() {
        return withRetryAfter(exception(of(HttpStatus.CONFLICT, "conflict", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly.")), Duration.ofSeconds(1));
    }

    public static ErrorResponseException rateLimited(Duration retryAfter) {
        return withRetryAfter(exception(of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests; try again later.")), retryAfter);
    }

    /** The request cannot be answered now but may succeed later; nothing was changed. */
    public static ErrorResponseException unavailable(String detail, Duration retryAfter) {
        return withRetryAfter(exception(of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail)),
                retryAfter);
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                "A valid bearer token issued by VisaPort's identity provider is required.");
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this operation.");
    }

    public static ProblemDetail internal(String traceId) {
        ProblemDetail problem = of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing you sent was at fault. Quote the trace id when you report it.");
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    public static ErrorResponseException exception(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    private static ErrorResponseException withRetryAfter(ErrorResponseException exception, Duration retryAfter) {
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return exception;
    }
}
