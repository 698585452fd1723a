package org.visaport.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.stereotype.Component;

/**
 * Instances a call just failed to reach (the connection refused, or closed before an answer): the load balancer
 * leaves them out for a moment, so the retry of a read, and the next calls, go to another instance at once rather than
 * to a dead one until the next health check finds it out. A moment is a little more than a health-check round, after
 * which the health check speaks for the instance again.
 */
@Component
class UnreachableInstances {

    static final Duration LEFT_OUT_FOR = Duration.ofSeconds(3);

    private final Map<String, Instant> leftOutUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    UnreachableInstances(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void unreachable(ServiceInstance instance) {
        leftOutUntil.put(address(instance), clock.instant().plus(LEFT_OUT_FOR));
    }

    /** The instances worth trying now; all of them when every one failed lately (one may be back). */
    List<ServiceInstance> reachable(List<ServiceInstance> instances) {
        Instant now = clock.instant();
        List<ServiceInstance> reachable = instances.stream().filter(instance -> {
            Instant until = leftOutUntil.get(address(instance));
            return until == null || !until.isAfter(now);
        }).toList();
        return reachable.isEmpty() ? instances : reachable;
    }

    private static String address(ServiceInstance instance) {
        return instance.getServiceId() + "@" + instance.getHost() + ":" + instance.getPort();
    }
}
