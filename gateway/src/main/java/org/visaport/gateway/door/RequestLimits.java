package org.visaport.gateway.door;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The size limits of a request line and its headers, answered with problem details. Netty's own limits answer with an
 * empty body, so they are set well above these in application.yaml (a request beyond even those is cut off by Netty as
 * before), and this filter, first in the chain, applies the real ones.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter requestSizeLimits(@Value("${visaport.gateway.max-uri-length:8KB}") DataSize maxUri,
                                @Value("${visaport.gateway.max-header-size:16KB}") DataSize maxHeaders) {
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
            return chain.filter(exchange);
        };
    }

    private static int rawQueryLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return query == null ? 0 : query.length() + 1;
    }

}
