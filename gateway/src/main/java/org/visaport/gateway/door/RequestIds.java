package org.visaport.gateway.door;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives every routed request an {@code X-Request-Id}: the client's when it sent a well-formed one, else the trace id,
 * so support can find a call in the gateway's and the service's logs from what the client saw. The service gets it
 * (with the W3C {@code traceparent} the tracing adds), and the client gets it back. Each routed call leaves one line in
 * the gateway's log (logger {@code org.visaport.gateway.door.RequestIds}, level INFO): method, path (never the query,
 * which may carry personal data), status, duration, trace id and request id. Also remembers the path the client asked
 * for, which a circuit breaker's forward to {@link Unavailable} would otherwise replace.
 */
@Component
class RequestIds implements GlobalFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(RequestIds.class);

    private final ObjectProvider<Tracer> tracer;

    RequestIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long started = System.nanoTime();
        String traceId = traceId(exchange).orElse(null);
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent
                : traceId != null ? traceId : UUID.randomUUID().toString().replace("-", "");
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        exchange.getResponse().getHeaders().set(HEADER, id);
        exchange.getAttributes().put(Unavailable.ASKED_PATH, path);
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, id))).build())
                .doFinally(signal -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    log.info("{} {} -> {} in {} ms (trace {}, request {})", method, path,
                            status == null ? signal.toString().toLowerCase(java.util.Locale.ROOT) : status.value(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), traceId, id);
                });
    }

    /** The trace of this call: from the request's observation, which does not depend on thread-local context. */
    private Optional<String> traceId(ServerWebExchange exchange) {
        Optional<String> observed = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId());
        if (observed.isPresent()) {
            return observed;
        }
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return Optional.ofNullable(span).map(s -> s.context().traceId());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
