package org.visaport.platform.ratelimit;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.platform.scheduling.SchedulingAutoConfiguration;

/** Needs the scheduling lock too: without the purge job, past windows would pile up. */
@AutoConfiguration(after = SchedulingAutoConfiguration.class)
@ConditionalOnClass({MongoTemplate.class, SchedulerLock.class})
public class RateLimitsAutoConfiguration {

    @Bean
    RateLimits rateLimits(MongoTemplate mongo, Clock clock) {
        return new RateLimits(mongo, clock);
    }
}
