package org.visaport.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of a servlet service as problem details with VisaPort's stable types: Spring MVC's own errors (bad
 * JSON, unknown path, wrong method …), invalid input as {@code validation} with field errors wherever it was found
 * (body, query, path, header), the {@link Problems} factories' exceptions with their headers, an unreachable
 * database as 503, and anything unforeseen as a 500 that shows a trace id and nothing of the internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "validation"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"), Map.entry(413, "payload-too-large"), Map.entry(415, "unsupported-media-type"),
            Map.entry(429, "rate-limited"), Map.entry(503, "unavailable"));

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // Class-level rules (e.g. a date range) are reported under their property name, like field errors.
        List<Problems.FieldError> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new Problems.FieldError(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(ex, Problems.validation(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Constraints on parameters (limits, headers, path variables) make Spring validate the whole method, bodies included. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                body.getAllErrors().forEach(error -> errors.add(new Problems.FieldError(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(), error.getDefaultMessage())));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(error -> errors.add(new Problems.FieldError(name, error.getDefaultMessage())));
            }
        }
        return handleExceptionInternal(ex, Problems.validation(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? parameterName(mismatch.getParameter())
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : "a valid " + ex.getRequiredType().getSimpleName();
        return handleExceptionInternal(ex, Problems.validation(List.of(new Problems.FieldError(name, "must be " + expected))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return handleExceptionInternal(ex, Problems.validation(List.of(new Problems.FieldError(ex.getParameterName(), "is required"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return handleExceptionInternal(ex, Problems.validation(List.of(new Problems.FieldError(missing.getHeaderName(), "is required"))),
                    headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /** From method validation outside Spring MVC's own (e.g. a class-level {@code @Validated}). */
    @ExceptionHandler
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(lastNode(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return handleExceptionInternal(ex, Problems.validation(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** The database failed under us; the services write so that a failed request leaves nothing half-done. */
    @ExceptionHandler
    ResponseEntity<Object> databaseUnavailable(DataAccessResourceFailureException ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ErrorResponseException unavailable = Problems.unavailable(
                "The service cannot reach its data right now; nothing was changed. Try again later.", Duration.ofSeconds(10));
        return handleExceptionInternal(ex, unavailable.getBody(), unavailable.getHeaders(), unavailable.getStatusCode(), request);
    }

    /** A method-security refusal: 401 for an anonymous caller, 403 for a signed-in one, as the filter chain answers. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<Object> refused(Exception ex, WebRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (ex instanceof AuthenticationException || caller == null || caller instanceof AnonymousAuthenticationToken) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"visaport\"");
            return handleExceptionInternal(ex, Problems.unauthorized(), headers, HttpStatus.UNAUTHORIZED, request);
        }
        return handleExceptionInternal(ex, Problems.forbidden(), new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /** Anything unforeseen: logged with its stack trace, answered without internals but with the trace id to quote. */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request, HttpServletRequest http) {
        String traceId = MDC.get("traceId");
        log.error("Unexpected failure of {} {} (trace {})", http.getMethod(), http.getRequestURI(), traceId, ex);
        return handleExceptionInternal(ex, Problems.internal(traceId), new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(SLUGS.getOrDefault(statusCode.value(), statusCode.is5xxServerError() ? "internal" : "bad-request")));
        }
        return response;
    }

    /** The name clients use: the header, query parameter or path variable name rather than the Java parameter's. */
    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    private static String lastNode(Path path) {
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last;
    }
}
