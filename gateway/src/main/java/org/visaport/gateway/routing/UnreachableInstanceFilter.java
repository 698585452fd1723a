package org.visaport.gateway.routing;

import java.io.IOException;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Tells {@link UnreachableInstances} of an instance the call chosen for it could not reach. */
@Component
class UnreachableInstanceFilter implements GlobalFilter, Ordered {

    private final UnreachableInstances unreachable;

    UnreachableInstanceFilter(UnreachableInstances unreachable) {
        this.unreachable = unreachable;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(IOException.class, failed -> {
            Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
            if (chosen != null && chosen.hasServer()) {
                unreachable.unreachable(chosen.getServer());
            }
        });
    }

    /** Right after the load balancer chose the instance, so the error of the call to it passes here first. */
    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }
}
