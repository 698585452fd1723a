package org.visaport.identity.config;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.identity.ratelimit.RateLimiter;

/** Removes rate-limit windows that have passed (MongoDB TTL indexes are not available on every server we run on). */
@Component
class HousekeepingJob {

    private final RateLimiter rateLimiter;

    HousekeepingJob(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Scheduled(fixedDelayString = "${visaport.identity.housekeeping-interval:PT15M}")
    @SchedulerLock(name = "identity-housekeeping", lockAtMostFor = "PT10M")
    void purge() {
        rateLimiter.purgeExpired();
    }
}
