package org.visaport.platform.scheduling;

import java.time.Clock;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every service reads time from (tests may replace it), and scheduled jobs that run on one instance at a time:
 * a job annotated {@code @SchedulerLock} holds its lock in the service's own database ({@code shedlock} collection).
 * {@code visaport.scheduling.enabled=false} switches all scheduled jobs off.
 */
@AutoConfiguration
public class SchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoTemplate.class, MongoLockProvider.class})
    @ConditionalOnProperty(name = "visaport.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    @EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
    static class Jobs {

        @Bean
        @ConditionalOnMissingBean
        LockProvider lockProvider(MongoTemplate mongo) {
            return new MongoLockProvider(mongo.getCollection("shedlock"));
        }
    }
}
