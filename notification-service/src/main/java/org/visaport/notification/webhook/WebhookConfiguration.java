package org.visaport.notification.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    TargetRules webhookTargetRules(WebhookProperties properties) {
        return new TargetRules(properties);
    }
}
