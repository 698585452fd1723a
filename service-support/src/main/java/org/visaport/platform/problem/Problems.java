package org.visaport.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem types every VisaPort API shares: stable URIs clients can switch on. */
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

    /** Bad input in one field, with the same shape as Jakarta Validation's field errors. */
    public static ErrorResponseException invalidField(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                "A valid bearer token issued by VisaPort's identity provider is required.");
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this operation.");
    }
}
