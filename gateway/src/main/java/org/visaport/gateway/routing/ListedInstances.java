package org.visaport.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** The instances the configuration lists for one service, as they are: no discovery server to ask. */
record ListedInstances(String serviceId, List<ServiceInstance> instances) implements ServiceInstanceListSupplier {

    static ListedInstances of(String serviceId, List<URI> addresses) {
        return new ListedInstances(serviceId, IntStream.range(0, addresses.size())
                .mapToObj(i -> (ServiceInstance) instance(serviceId, i, addresses.get(i))).toList());
    }

    private static DefaultServiceInstance instance(String serviceId, int index, URI address) {
        boolean secure = "https".equals(address.getScheme());
        int port = address.getPort() != -1 ? address.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "-" + index, serviceId, address.getHost(), port, secure);
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(instances);
    }
}
