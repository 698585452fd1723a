package org.visaport.gateway.door;

import io.micrometer.tracing.Tracer;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives every routed request an {@code X-Request-Id}: the client's when it sent a well-formed one, else the trace id,
 * so support can find a call in the gateway's and the service's logs from what the client saw. The service gets it
 * (with the W3C {@code traceparent} the tracing adds), and the client gets it back. Also remembers the path the client
 * asked for, which a circuit breaker's forward to {@link Unavailable} would otherwise replace.
 */
@Component
class RequestIds implements GlobalFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ObjectProvider<Tracer> tracer;

    RequestIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : newId();
        exchange.getResponse().getHeaders().set(HEADER, id);
        exchange.getAttributes().put(Unavailable.ASKED_PATH, exchange.getRequest().getPath().value());
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, id))).build());
    }

    private String newId() {
        Tracer current = tracer.getIfAvailable();
        if (current != null && current.currentSpan() != null) {
            return current.currentSpan().context().traceId();
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
