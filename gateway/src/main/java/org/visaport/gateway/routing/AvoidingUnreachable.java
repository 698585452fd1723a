package org.visaport.gateway.routing;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** The health-checked instances, less those a call just failed to reach. */
class AvoidingUnreachable extends DelegatingServiceInstanceListSupplier {

    private final UnreachableInstances unreachable;

    AvoidingUnreachable(ServiceInstanceListSupplier delegate, UnreachableInstances unreachable) {
        super(delegate);
        this.unreachable = unreachable;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().map(unreachable::reachable);
    }
}
