package org.visaport.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.scheduling.SchedulingAutoConfiguration;
import org.visaport.platform.testing.MongoWire;
import org.visaport.platform.testing.SettableClock;

class RateLimitsIT {

    private static final MongoWire MONGO = new MongoWire();
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:03:00Z"));
    private MongoTemplate mongo;
    private RateLimits limits;

    @BeforeEach
    void freshStore() {
        mongo = MONGO.freshDatabase();
        limits = new RateLimits(mongo, clock);
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void countsEachUseWithinTheWindowAndSaysWhenTheWindowEnds() {
        limits.acquire("comment:member-1", 10, TEN_MINUTES);

        RateLimits.Usage second = limits.acquire("comment:member-1", 10, TEN_MINUTES);

        assertThat(second).isEqualTo(new RateLimits.Usage(2, 10, TEN_MINUTES, Instant.parse("2026-11-25T12:10:00Z")));
    }

    @Test
    void aUseBeyondTheLimitIsRefusedUntilTheWindowEnds() {
        for (int i = 0; i < 10; i++) {
            limits.acquire("comment:member-1", 10, TEN_MINUTES);
        }

        assertThatThrownBy(() -> limits.acquire("comment:member-1", 10, TEN_MINUTES))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(429);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("420");
                    assertThat(e.getBody().getType().toString()).endsWith("/rate-limited");
                    assertThat(e.getBody().getDetail()).isEqualTo("11 within 10 minutes; the limit is 10");
                    assertThat(e.getBody().getProperties())
                            .containsEntry("limit", 10).containsEntry("count", 11L).containsEntry("windowSeconds", 600L);
                });

        clock.advance(Duration.ofMinutes(7));
        assertThat(limits.acquire("comment:member-1", 10, TEN_MINUTES).count()).as("a new window").isEqualTo(1);
    }

    @Test
    void keysAreCountedApart() {
        limits.acquire("comment:member-1", 1, TEN_MINUTES);

        assertThat(limits.acquire("comment:member-2", 1, TEN_MINUTES).count()).isEqualTo(1);
        assertThat(limits.acquire("report:member-1", 1, TEN_MINUTES).count()).isEqualTo(1);
    }

    @Test
    void thePurgeRemovesOnlyWindowsThatHavePassed() {
        limits.acquire("daily:member-1", 3, Duration.ofDays(1));
        limits.acquire("comment:member-1", 10, TEN_MINUTES);
        clock.advance(TEN_MINUTES);

        limits.purgeExpired();

        assertThat(mongo.getCollection(RateLimits.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(limits.acquire("daily:member-1", 3, Duration.ofDays(1)).count()).isEqualTo(2);
    }

    @Test
    void describesTheWindowInItsLargestWholeUnit() {
        assertThat(RateLimits.describe(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(RateLimits.describe(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(RateLimits.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(RateLimits.describe(Duration.ofSeconds(45))).isEqualTo("45 seconds");
    }

    @Test
    void everyServiceWithMongoDbGetsTheLimits() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SchedulingAutoConfiguration.class, RateLimitsAutoConfiguration.class))
                .withPropertyValues("visaport.scheduling.enabled=false")
                .withBean(MongoTemplate.class, MONGO::freshDatabase)
                .run(context -> assertThat(context).hasSingleBean(RateLimits.class));
    }
}
