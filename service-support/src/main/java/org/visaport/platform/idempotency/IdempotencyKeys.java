package org.visaport.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.visaport.platform.hashing.Hashing;
import org.visaport.platform.problem.Problems;

/**
 * Remembers the Idempotency-Keys of creating requests, so a retry returns what the first request made instead of making
 * it twice. Only hashes of the key and of the request are stored. The same key with another request is a 422 problem
 * ({@code idempotency-key-reused}); while the first request still runs, a retry gets 409. A failed request frees its
 * key, so the client can retry; a request that crashed mid-way frees it after {@code in-flight-timeout}. Keys are kept
 * for {@code visaport.idempotency.retention} and then purged by a scheduled job (no TTL index needed).
 */
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final Duration inFlightTimeout;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock, Duration retention, Duration inFlightTimeout) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        this.inFlightTimeout = inFlightTimeout;
    }

    /** A claimed key: {@code earlierResult} is empty when this request goes ahead, else what the first one made. */
    public record Claim(String id, Optional<String> earlierResult) {

        public boolean isRetry() {
            return earlierResult.isPresent();
        }
    }

    /**
     * @param scope       whose keys these are and for what, e.g. {@code article-create:<editor id>}; keys of different
     *                    scopes never meet
     * @param fingerprint a digest of what the request asks for (see {@link #fingerprint}); without secrets
     */
    public Claim claim(String scope, String key, String fingerprint) {
        String id = Hashing.sha256(scope, key);
        Instant now = clock.instant();
        // Take the key if it is new, or if a request that claimed it crashed long ago without finishing or freeing it.
        Query takeable = Query.query(Criteria.where("_id").is(id).and("completed").is(false).and("claimedAt").lt(now.minus(inFlightTimeout)));
        try {
            mongo.findAndModify(takeable, new Update().set("fingerprint", fingerprint).set("completed", false).set("claimedAt", now)
                    .set("expiresAt", now.plus(retention)).unset("result"), FindAndModifyOptions.options().upsert(true),
                    org.bson.Document.class, COLLECTION);
            return new Claim(id, Optional.empty());
        } catch (DuplicateKeyException known) {
            org.bson.Document existing = mongo.findById(id, org.bson.Document.class, COLLECTION);
            if (existing == null) {
                return claim(scope, key, fingerprint);
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                throw Problems.idempotencyKeyReused();
            }
            if (!Boolean.TRUE.equals(existing.getBoolean("completed"))) {
                throw Problems.idempotencyKeyInFlight();
            }
            return new Claim(id, Optional.ofNullable(existing.getString("result")).or(() -> Optional.of("")));
        }
    }

    /** What {@link #once} did: ran the action now ({@code firstTime}), or found what a first request with the key made. */
    public record Outcome(String result, boolean firstTime) {
    }

    /**
     * Runs {@code action} once per key: a retry with the same key and request gets the first run's result instead, the
     * same key with another request is refused (422), and a failed run frees the key. Without a key the action just
     * runs.
     *
     * @param fingerprint what the request asks for (see {@link #fingerprint}); only computed when there is a key
     * @param action      does the work and returns what a retry should get (e.g. the id of what it created)
     */
    public Outcome once(String scope, String key, Supplier<String> fingerprint, Supplier<String> action) {
        if (key == null) {
            return new Outcome(action.get(), true);
        }
        Claim claim = claim(scope, key, fingerprint.get());
        if (claim.isRetry()) {
            return new Outcome(claim.earlierResult().orElse(""), false);
        }
        try {
            String result = action.get();
            complete(claim, result);
            return new Outcome(result, true);
        } catch (RuntimeException failed) {
            release(claim);
            throw failed;
        }
    }

    /** The request finished; retries get {@code result} (e.g. the id of what it created). */
    public void complete(Claim claim, String result) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())),
                new Update().set("completed", true).set("result", result == null ? "" : result), COLLECTION);
    }

    /** The request failed and changed nothing: the client may retry with the same key. */
    public void release(Claim claim) {
        mongo.remove(Query.query(Criteria.where("_id").is(claim.id()).and("completed").is(false)), COLLECTION);
    }

    @Scheduled(fixedDelayString = "${visaport.idempotency.purge-interval:PT15M}")
    @SchedulerLock(name = "idempotency-key-purge", lockAtMostFor = "PT10M")
    public void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), COLLECTION);
    }

    /** A digest of the request's parts; leave out secrets such as passwords (the digest is stored). */
    public static String fingerprint(String... parts) {
        return Hashing.sha256(parts);
    }
}
