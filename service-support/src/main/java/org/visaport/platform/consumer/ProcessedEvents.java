package org.visaport.platform.consumer;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.visaport.platform.mongo.Documents;

/**
 * The event ids a consumer has handled, so an event delivered again (the outbox delivers at least once, Kafka
 * redelivers after a rebalance) changes nothing. Remembered for {@code visaport.consumer.remember-for} (7 days by
 * default, far beyond any redelivery), then purged by a scheduled job.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration rememberFor;

    public ProcessedEvents(MongoTemplate mongo, Clock clock, Duration rememberFor) {
        this.mongo = mongo;
        this.clock = clock;
        this.rememberFor = rememberFor;
    }

    /**
     * Runs {@code effect} unless {@code consumer} handled this event before, and remembers it afterwards. A crash between
     * the effect and the remembering runs the effect again on redelivery, so effects must be idempotent in themselves
     * (e.g. a conditional update); this only spares the work and the duplicates in the common case.
     */
    public void once(String consumer, String eventId, Runnable effect) {
        if (seen(consumer, eventId)) {
            return;
        }
        effect.run();
        remember(consumer, eventId);
    }

    public boolean seen(String consumer, String eventId) {
        // Looked up, not counted: the collection grows with every event for the weeks it is remembered.
        return Documents.existsWithId(mongo, key(consumer, eventId), COLLECTION);
    }

    /** After the event's effect is stored: a crash before this line handles it again, which handlers must allow. */
    public void remember(String consumer, String eventId) {
        try {
            mongo.insert(new Document("_id", key(consumer, eventId)).append("at", java.util.Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException handledTwiceMeanwhile) {
            // Two deliveries raced; both effects were idempotent, one record is enough.
        }
    }

    @Scheduled(fixedDelayString = "${visaport.consumer.purge-interval:PT1H}")
    @SchedulerLock(name = "processed-events-purge", lockAtMostFor = "PT10M")
    public void purge() {
        mongo.remove(Query.query(Criteria.where("at").lt(java.util.Date.from(clock.instant().minus(rememberFor)))), COLLECTION);
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
