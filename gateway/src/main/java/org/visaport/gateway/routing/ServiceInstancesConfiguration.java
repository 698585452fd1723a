package org.visaport.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** The routes' {@code lb://<service>} URIs resolve to the instances listed in {@link ServiceAddresses}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceAddresses.class)
@LoadBalancerClients(defaultConfiguration = ServiceInstancesPerClient.class)
class ServiceInstancesConfiguration {
}
