package org.visaport.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service's instances listen, by service id (the host of the routes' {@code lb://} URIs): one base URI per
 * instance, given as a comma-separated list (IDENTITY_SERVICE_URI and the like). One address is a single instance, or
 * a Kubernetes Service that balances by itself.
 */
@ConfigurationProperties("visaport.gateway")
record ServiceAddresses(Map<String, List<URI>> services) {

    ServiceAddresses {
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach((service, instances) -> {
            if (instances == null || instances.isEmpty()) {
                throw new IllegalArgumentException("visaport.gateway.services." + service + " lists no instance");
            }
            for (URI instance : instances) {
                if (!("http".equals(instance.getScheme()) || "https".equals(instance.getScheme())) || instance.getHost() == null) {
                    throw new IllegalArgumentException("visaport.gateway.services." + service + ": '" + instance
                            + "' is no http(s)://host[:port] address");
                }
            }
        });
    }

    List<URI> instancesOf(String service) {
        List<URI> instances = services.get(service);
        if (instances == null) {
            throw new IllegalStateException("a route goes to lb://" + service + " but visaport.gateway.services lists no " + service);
        }
        return instances;
    }
}
