package org.visaport.gateway.door;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The size limits of a request line, its headers and its body, answered with problem details. Netty's own limits answer with an
 * empty body, so they are set well above these in application.yaml (a request beyond even those is cut off by Netty as
 * before), and this filter, first in the chain, applies the real ones.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter requestSizeLimits(@Value("${visaport.gateway.max-uri-length:8KB}") DataSize maxUri,
                                @Value("${visaport.gateway.max-header-size:16KB}") DataSize maxHeaders,
                                @Value("${visaport.gateway.max-body-size:1MB}") DataSize maxBody) {
        return (ServerWebExchange exchange, WebFilterChain chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            if (request.getURI().getRawPath().length() + rawQueryLength(request) > maxUri.toBytes()) {
                return GatewayProblems.write(exchange, GatewayProblems.of(414,
                        "The address is longer than " + maxUri.toKilobytes() + " KB."));
            }
            long headers = request.getHeaders().headerSet().stream()
                    .mapToLong(header -> header.getKey().length() + header.getValue().stream().mapToLong(v -> v.length() + 4).sum())
                    .sum();
            if (headers > maxHeaders.toBytes()) {
                return GatewayProblems.write(exchange, GatewayProblems.of(431,
                        "The request headers are larger than " + maxHeaders.toKilobytes() + " KB in all."));
            }
            long declared = request.getHeaders().getContentLength();
            if (declared > maxBody.toBytes()) {
                return GatewayProblems.write(exchange, tooLarge(maxBody));
            }
            if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
                return chain.filter(exchange);
            }
            // A body without a declared length (chunked) is read first, up to the bound, and passed on with its length:
            // past the bound the client gets the 413 and nothing reaches the service (nor its circuit breaker).
            return DataBufferUtils.join(request.getBody(), (int) maxBody.toBytes())
                    .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body)).build()))
                    .onErrorResume(DataBufferLimitException.class, tooLarge -> GatewayProblems.write(exchange, tooLarge(maxBody)));
        };
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.readableByteCount());
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }

    private static org.springframework.http.ProblemDetail tooLarge(DataSize maxBody) {
        return GatewayProblems.of(413, "The request body is larger than " + maxBody.toKilobytes() + " KB.");
    }

    private static int rawQueryLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return query == null ? 0 : query.length() + 1;
    }

}
