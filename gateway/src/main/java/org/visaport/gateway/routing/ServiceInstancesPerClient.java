package org.visaport.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Cloud LoadBalancer's configuration for each service, in the child context it makes per service id; not a
 * component, so the gateway's own context does not pick it up.
 *
 * <p>Several instances are health-checked (spring.cloud.loadbalancer.health-check.*): one that is down or not ready
 * stops getting calls within an interval, and gets them again once it answers; one a call just failed to reach is left
 * out at once ({@link UnreachableInstances}). A single address is taken as it is:
 * there is nothing to choose from, and a Service in front of it (Kubernetes) checks its pods itself.
 */
class ServiceInstancesPerClient {

    @Bean
    ServiceInstanceListSupplier listedServiceInstances(Environment environment, ServiceAddresses addresses,
            UnreachableInstances unreachable, ConfigurableApplicationContext context) {
        String service = LoadBalancerClientFactory.getName(environment);
        ListedInstances listed = ListedInstances.of(service, addresses.instancesOf(service));
        if (listed.instances().size() == 1) {
            return listed;
        }
        // A client of its own: the shared builder would trace and time every probe as if it were a call.
        return ServiceInstanceListSupplier.builder().withBase(listed).withHealthChecks(WebClient.create())
                .with((unused, checked) -> new AvoidingUnreachable(checked, unreachable)).build(context);
    }
}
