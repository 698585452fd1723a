package org.visaport.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which instance relays which aggregate right now, in a collection of its own: the aggregates' documents stay free of
 * relay bookkeeping, and a whole-document save of an aggregate can never wipe a lease. A lease that outlives a crashed
 * owner simply expires.
 */
class OutboxLeases {

    static final String COLLECTION = "outbox_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration length;
    private final String owner = UUID.randomUUID().toString();

    OutboxLeases(MongoTemplate mongo, Clock clock, Duration length) {
        this.mongo = mongo;
        this.clock = clock;
        this.length = length;
    }

    /**
     * True if this instance now holds the lease: it was free or expired. Not if this instance holds it already: then
     * another of its threads is relaying the aggregate right now. A held lease is seen by a read, without a write
     * that would fail on the unique id (which a MongoDB server may log as an error each time).
     */
    boolean claim(String key) {
        var now = clock.instant();
        Document lease = mongo.findById(key, Document.class, COLLECTION);
        Update take = new Update().set("owner", owner).set("until", now.plus(length));
        if (lease != null) {
            Date until = lease.getDate("until");
            if (until != null && !until.toInstant().isBefore(now)) {
                return false;
            }
            // Expired: take it over, unless another instance just did.
            return mongo.findAndModify(Query.query(Criteria.where("_id").is(key).and("until").lt(now)), take,
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION) != null;
        }
        try {
            mongo.insert(new Document("_id", key).append("owner", owner).append("until", Date.from(now.plus(length))), COLLECTION);
            return true;
        } catch (DuplicateKeyException claimedMeanwhile) {
            return false;
        }
    }

    void release(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)), COLLECTION);
    }
}
