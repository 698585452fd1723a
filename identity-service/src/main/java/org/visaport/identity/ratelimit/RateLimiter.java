package org.visaport.identity.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.visaport.platform.problem.Problems;

/**
 * Fixed-window counters in MongoDB, so a limit holds across instances: one atomic upsert-and-increment per request.
 */
@Component
public class RateLimiter {

    private final MongoTemplate mongo;
    private final Clock clock;

    public RateLimiter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Counts one request against {@code key}; throws once more than {@code limit} came within the window. */
    public void acquire(String key, int limit, Duration window) {
        Instant now = clock.instant();
        long windowStart = now.toEpochMilli() / window.toMillis() * window.toMillis();
        Instant windowEnd = Instant.ofEpochMilli(windowStart + window.toMillis());
        Counter counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key + "@" + windowStart)),
                new Update().inc("count", 1).setOnInsert("expiresAt", windowEnd),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
        if (counter != null && counter.count() > limit) {
            throw Problems.rateLimited(Duration.between(now, windowEnd));
        }
    }

    /** Past windows count for nothing; MongoDB's TTL is not available everywhere, so a job removes them. */
    public long purgeExpired() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), Counter.class).getDeletedCount();
    }

    @org.springframework.data.mongodb.core.mapping.Document("rate_limits")
    record Counter(String id, long count, Instant expiresAt) {
    }
}
