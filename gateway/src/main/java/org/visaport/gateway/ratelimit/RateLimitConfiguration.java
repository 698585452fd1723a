package org.visaport.gateway.ratelimit;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.visaport.gateway.ClientAddresses;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "visaport.gateway.rate-limits.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    Counters rateLimitCounters(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return switch (properties.store()) {
            case "memory" -> new InMemoryCounters();
            case "redis" -> new RedisCounters(redis.getObject());
            default -> throw new IllegalArgumentException("visaport.gateway.rate-limits.store must be memory or redis, not " + properties.store());
        };
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, Counters counters, ClientAddresses addresses,
                                    ObjectProvider<Clock> clock) {
        return new RateLimitFilter(properties, counters, addresses, clock.getIfAvailable(Clock::systemUTC));
    }
}
