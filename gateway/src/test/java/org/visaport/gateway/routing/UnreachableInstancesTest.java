package org.visaport.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class UnreachableInstancesTest {

    private static final ServiceInstance FIRST = new DefaultServiceInstance("news-service-0", "news-service", "127.0.0.1", 8082, false);
    private static final ServiceInstance SECOND = new DefaultServiceInstance("news-service-1", "news-service", "127.0.0.1", 18082, false);

    private Instant now = Instant.parse("2026-11-26T09:00:00Z");

    private final UnreachableInstances unreachable = new UnreachableInstances(
            new StaticListableBeanFactory(java.util.Map.of("clock", movableClock())).getBeanProvider(Clock.class));

    @Test
    void anInstanceACallCouldNotReachIsLeftOutForAMomentThenTriedAgain() {
        unreachable.unreachable(SECOND);

        assertThat(unreachable.reachable(List.of(FIRST, SECOND))).containsExactly(FIRST);

        now = now.plus(UnreachableInstances.LEFT_OUT_FOR);
        assertThat(unreachable.reachable(List.of(FIRST, SECOND))).containsExactly(FIRST, SECOND);
    }

    @Test
    void whenEveryInstanceFailedLatelyAllAreTriedRatherThanNone() {
        unreachable.unreachable(FIRST);
        unreachable.unreachable(SECOND);

        assertThat(unreachable.reachable(List.of(FIRST, SECOND))).containsExactly(FIRST, SECOND);
    }

    @Test
    void anInstanceOfAnotherServiceOnTheSameAddressIsNotLeftOut() {
        ServiceInstance comments = new DefaultServiceInstance("comment-service-0", "comment-service", "127.0.0.1", 18082, false);
        unreachable.unreachable(SECOND);

        assertThat(unreachable.reachable(List.of(comments))).containsExactly(comments);
    }

    private Clock movableClock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
