package org.visaport.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: every routed request carries {@code X-Forwarded-For} with exactly one address,
 * the client's as {@link ClientAddresses} resolves it, and no {@code Forwarded} or {@code X-Real-IP} header. The
 * services trust that header because it comes from the gateway (identity-service's per-address limits rely on it), so
 * nothing the caller wrote about its address may pass through unchecked.
 */
final class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final List<String> REPLACED = List.of(X_FORWARDED_FOR, "Forwarded", "X-Real-IP");

    private final ClientAddresses addresses;

    ClientAddressHeadersFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = HttpHeaders.copyOf(input);
        REPLACED.forEach(output::remove);
        InetSocketAddress connection = exchange.getRequest().getRemoteAddress();
        if (connection != null && connection.getAddress() != null) {
            // The caller's own header, not what earlier filters made of it.
            List<String> claimed = exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR);
            output.set(X_FORWARDED_FOR, addresses.resolve(connection.getAddress().getHostAddress(), claimed));
        }
        return output;
    }

    /** After Spring Cloud Gateway's own forwarding filters, so this header is the one that goes out. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
