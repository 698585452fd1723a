package org.visaport.identity.keycloak;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.visaport.platform.problem.Problems;

/**
 * The Keycloak client's two failures as the shared problems: Keycloak away is a 503 with Retry-After, a refused
 * credential a validation problem on its field. Everything else is the shared advice's; ahead of it, since its
 * catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeycloakProblemsAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(KeycloakUnavailableException e) {
        return response(Problems.unavailable("The identity provider is unavailable; nothing was changed. Try again later.",
                e.retryAfter()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(CredentialRejectedException e) {
        return response(Problems.invalidField(e.field(), e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> response(ErrorResponseException problem) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }
}
