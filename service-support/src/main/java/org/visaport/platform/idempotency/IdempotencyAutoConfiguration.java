package org.visaport.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.platform.scheduling.SchedulingAutoConfiguration;

@AutoConfiguration(after = SchedulingAutoConfiguration.class)
@ConditionalOnClass({MongoTemplate.class, SchedulerLock.class})
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyKeys idempotencyKeyStore(MongoTemplate mongo, Clock clock,
                                    @Value("${visaport.idempotency.retention:PT24H}") Duration retention,
                                    @Value("${visaport.idempotency.in-flight-timeout:PT1M}") Duration inFlightTimeout) {
        return new IdempotencyKeys(mongo, clock, retention, inFlightTimeout);
    }
}
