package org.visaport.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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
     * another of its threads is relaying the aggregate right now.
     */
    boolean claim(String key) {
        var now = clock.instant();
        Query freeOrExpired = Query.query(Criteria.where("_id").is(key).and("until").lt(now));
        try {
            mongo.findAndModify(freeOrExpired, new Update().set("owner", owner).set("until", now.plus(length)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    void release(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)), COLLECTION);
    }
}
