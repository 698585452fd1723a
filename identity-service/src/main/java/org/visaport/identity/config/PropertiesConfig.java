package org.visaport.identity.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.visaport.identity.posting.PostingProperties;
import org.visaport.identity.ratelimit.RateLimitProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitProperties.class, PostingProperties.class})
class PropertiesConfig {
}
