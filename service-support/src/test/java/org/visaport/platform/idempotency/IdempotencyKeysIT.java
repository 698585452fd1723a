package org.visaport.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.testing.MongoWire;
import org.visaport.platform.testing.SettableClock;

class IdempotencyKeysIT {

    private static final MongoWire MONGO = new MongoWire();

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private MongoTemplate mongo;
    private IdempotencyKeys keys;

    @BeforeEach
    void freshStore() {
        mongo = MONGO.freshDatabase();
        keys = new IdempotencyKeys(mongo, clock, Duration.ofHours(24), Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void aRetryAfterTheFirstRequestFinishedGetsWhatTheFirstOneMade() {
        var first = keys.claim("article-create:editor-1", "key-0001", "body-a");
        assertThat(first.isRetry()).isFalse();
        keys.complete(first, "article-42");

        var retry = keys.claim("article-create:editor-1", "key-0001", "body-a");

        assertThat(retry.earlierResult()).contains("article-42");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAsUnprocessable() {
        keys.complete(keys.claim("article-create:editor-1", "key-0001", "body-a"), "article-42");

        assertThatThrownBy(() -> keys.claim("article-create:editor-1", "key-0001", "body-b"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getType().toString()).endsWith("/idempotency-key-reused");
                });
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsAConflictToRetryShortly() {
        keys.claim("application", "key-0002", "form");

        assertThatThrownBy(() -> keys.claim("application", "key-0002", "form"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
    }

    @Test
    void aFailedRequestFreesItsKeyForTheRetry() {
        keys.release(keys.claim("application", "key-0003", "form"));

        assertThat(keys.claim("application", "key-0003", "form").isRetry()).isFalse();
    }

    @Test
    void aRequestThatCrashedMidWayFreesItsKeyAfterTheInFlightTimeout() {
        keys.claim("application", "key-0004", "form");
        clock.advance(Duration.ofMinutes(2));

        assertThat(keys.claim("application", "key-0004", "form").isRetry()).isFalse();
    }

    @Test
    void keysOfDifferentScopesNeverMeet() {
        keys.complete(keys.claim("article-create:editor-1", "key-0005", "body-a"), "article-1");

        assertThat(keys.claim("article-create:editor-2", "key-0005", "body-other").isRetry()).isFalse();
    }

    @Test
    void keysAreForgottenOnceTheirRetentionHasPassed() {
        keys.complete(keys.claim("application", "key-0006", "form"), "done");
        clock.advance(Duration.ofHours(23));
        keys.purgeExpired();
        assertThat(keys.claim("application", "key-0006", "form").isRetry()).as("still remembered within a day").isTrue();

        clock.advance(Duration.ofHours(2));
        keys.purgeExpired();

        assertThat(mongo.getCollection(IdempotencyKeys.COLLECTION).countDocuments()).isZero();
        assertThat(keys.claim("application", "key-0006", "form").isRetry()).isFalse();
    }

    @Test
    void onceRunsTheActionForTheFirstRequestOnlyAndFreesTheKeyWhenItFails() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        var first = keys.once("article-create:editor-1", "key-0008", () -> "body-a", () -> "article-" + runs.incrementAndGet());
        var retry = keys.once("article-create:editor-1", "key-0008", () -> "body-a", () -> "article-" + runs.incrementAndGet());

        assertThat(first).isEqualTo(new IdempotencyKeys.Outcome("article-1", true));
        assertThat(retry).isEqualTo(new IdempotencyKeys.Outcome("article-1", false));
        assertThat(runs).hasValue(1);

        assertThatThrownBy(() -> keys.once("application", "key-0009", () -> "form", () -> {
            throw new IllegalStateException("Keycloak refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(keys.once("application", "key-0009", () -> "form", () -> "accepted").firstTime()).as("freed by the failure").isTrue();

        assertThat(keys.once("application", null, () -> {
            throw new AssertionError("no key, no fingerprint");
        }, () -> "accepted")).isEqualTo(new IdempotencyKeys.Outcome("accepted", true));
    }

    @Test
    void neitherTheKeyNorTheRequestIsStoredInTheClear() {
        keys.claim("application", "secret-key-0007", IdempotencyKeys.fingerprint("anna@mission.example"));

        String stored = mongo.getCollection(IdempotencyKeys.COLLECTION).find().first().toJson();
        assertThat(stored).doesNotContain("secret-key-0007").doesNotContain("anna@mission.example");
    }
}
