package org.visaport.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The client's address for the services, from the same trusted-proxy setting Spring Cloud Gateway's filters use. */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    @Bean
    ClientAddresses clientAddresses(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    @Bean
    ClientAddressHeadersFilter clientAddressHeadersFilter(ClientAddresses addresses) {
        return new ClientAddressHeadersFilter(addresses);
    }
}
