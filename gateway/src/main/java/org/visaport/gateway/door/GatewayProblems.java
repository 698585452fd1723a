package org.visaport.gateway.door;

import io.micrometer.tracing.Tracer;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.visaport.platform.problem.ProblemBodies;
import org.visaport.platform.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * Every answer the gateway makes itself is problem details with a stable type, as the services' are: no route, a
 * refused method, a body too large, a backend that cannot be reached or took too long. Ahead of Boot's handler, which
 * would answer with its own shape.
 */
@Component
@Order(-2)
public class GatewayProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "bad-request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(413, "payload-too-large"), Map.entry(414, "uri-too-long"), Map.entry(415, "unsupported-media-type"),
            Map.entry(429, "rate-limited"), Map.entry(431, "headers-too-large"), Map.entry(502, "unavailable"),
            Map.entry(503, "unavailable"), Map.entry(504, "unavailable"));

    private final ObjectProvider<Tracer> tracer;

    public GatewayProblems(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return write(exchange, problemFor(failure));
    }

    /** Writes {@code problem} as the response, with Retry-After when the problem is worth retrying. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, exchange.getRequest().getPath().value());
    }

    /** As {@link #write(ServerWebExchange, ProblemDetail)}, naming {@code instance} as the path the problem is about. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, String instance) {
        var response = exchange.getResponse();
        response.setRawStatusCode(problem.getStatus());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == 503) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        DataBuffer body = response.bufferFactory().wrap(ProblemBodies.json(problem, instance));
        return response.writeWith(Mono.just(body));
    }

    public static ProblemDetail of(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return Problems.of(known == null ? HttpStatus.BAD_REQUEST : known, SLUGS.getOrDefault(status, status >= 500 ? "internal" : "bad-request"),
                title, detail);
    }

    private ProblemDetail problemFor(Throwable failure) {
        if (failure instanceof ErrorResponse answered) {
            int status = answered.getStatusCode().value();
            if (status >= 500 && status != 503 && status != 504 && status != 502) {
                return internal(failure);
            }
            return of(status, detail(status));
        }
        if (isUnreachable(failure)) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                    "The service behind this route cannot be reached now; nothing was changed. Retry later.");
        }
        return internal(failure);
    }

    private ProblemDetail internal(Throwable failure) {
        String traceId = tracer.getIfAvailable() == null || tracer.getObject().currentSpan() == null ? null
                : tracer.getObject().currentSpan().context().traceId();
        log.error("Unhandled failure at the gateway (trace {})", traceId, failure);
        return Problems.internal(traceId);
    }

    private static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException
                    || cause.getClass().getName().startsWith("io.netty.channel.ConnectTimeout")
                    || cause.getClass().getName().contains("PrematureCloseException")) {
                return true;
            }
        }
        return false;
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "No route for this path.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is larger than this route accepts.";
            case 502, 503, 504 -> "The service behind this route cannot answer now; nothing was changed. Retry later.";
            default -> "The request could not be understood.";
        };
    }
}
