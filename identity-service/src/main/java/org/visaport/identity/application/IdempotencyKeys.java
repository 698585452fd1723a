package org.visaport.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.identity.web.ConflictException;

/**
 * Remembers Idempotency-Keys of applications for a day. Only a hash of the key and of the request (without the
 * password) is kept. A request fails with 409 if the same key comes with another request or while the first is
 * still running; a failed request frees its key so the client can retry.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT_FOR = Duration.ofDays(1);

    private final MongoTemplate mongo;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True for a new key, false if a request with this key already completed (the caller replays the answer). */
    boolean claim(String keyHash, String fingerprint) {
        try {
            mongo.insert(new Claim(keyHash, fingerprint, false, clock.instant().plus(KEPT_FOR)));
            return true;
        } catch (DuplicateKeyException known) {
            Claim existing = mongo.findById(keyHash, Claim.class);
            if (existing == null) {
                return claim(keyHash, fingerprint);
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                throw new ConflictException("This Idempotency-Key was used for a different request.");
            }
            if (!existing.completed()) {
                throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.");
            }
            return false;
        }
    }

    void complete(String keyHash) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(keyHash)), new Update().set("completed", true), Claim.class);
    }

    void release(String keyHash) {
        mongo.remove(Query.query(Criteria.where("_id").is(keyHash).and("completed").is(false)), Claim.class);
    }

    @Scheduled(fixedDelayString = "${visaport.identity.housekeeping-interval:PT15M}")
    @SchedulerLock(name = "identity-idempotency-purge", lockAtMostFor = "PT10M")
    void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), Claim.class);
    }

    @Document("idempotency_keys")
    record Claim(@Id String id, String fingerprint, boolean completed, Instant expiresAt) {
    }
}
