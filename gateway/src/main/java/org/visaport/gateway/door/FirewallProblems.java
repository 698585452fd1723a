package org.visaport.gateway.door;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * Spring Security's firewall refuses addresses with a NUL, an encoded slash or a path traversal; it answers with an
 * empty 400 of its own unless told otherwise.
 */
@Configuration(proxyBeanMethods = false)
class FirewallProblems {

    @Bean
    static BeanPostProcessor firewallRefusalsAsProblems() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, refused) -> GatewayProblems.write(exchange, GatewayProblems.of(400,
                            "The address contains something not allowed in a path (e.g. an encoded slash, a NUL or '..').")));
                }
                return bean;
            }
        };
    }
}
