package org.visaport.platform.caching;

import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A validator for answers made of many documents, such as a list: a token that every write which could change them
 * replaces. Revalidating such an answer then costs one read by id, where an entity tag made of the answer's own
 * documents costs the whole query (on the local MongoDB stand-in, a scan of the collection) before the 304.
 *
 * <p>The order keeps answers at least as new as their tag: writers record the change ({@link #changed}) after their
 * write returned, readers take the {@link #current} stamp before their query. A reader in between gets the new answer
 * under the old tag and revalidates into it later. The stamp also keeps the time of the newest change it records, so
 * a second path that is retried until it succeeds, such as an outbox relay's {@code afterRelay}, can make sure of a
 * change ({@link #ensureRecorded}) without moving the tags again when the first path did its work. Until one of them
 * succeeds (the database went away just after the write), the old answers stay valid.
 */
public class ChangeStamps {

    static final String COLLECTION = "change_stamps";
    /** What {@link #current} says of a subject that never changed since stamps were kept. */
    static final String NEVER_CHANGED = "unchanged";

    private static final Logger log = LoggerFactory.getLogger(ChangeStamps.class);

    private final MongoTemplate mongo;

    public ChangeStamps(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records that {@code subject} changed at {@code changedAt}: a new random token, so no two changes, instances or
     * restored databases ever share one. Failure is logged, not thrown: the write it follows has happened, and the
     * second path records the change.
     */
    public void changed(String subject, Instant changedAt) {
        Update update = newToken().max("changedAt", changedAt);
        record(subject, () -> {
            try {
                mongo.upsert(bySubject(subject), update, COLLECTION);
            } catch (DuplicateKeyException anotherInstanceCreatedItFirst) {
                mongo.upsert(bySubject(subject), update, COLLECTION);
            }
        });
    }

    /** Records the change at {@code changedAt} unless a change at that time or later already was. */
    public void ensureRecorded(String subject, Instant changedAt) {
        record(subject, () -> {
            try {
                mongo.upsert(bySubject(subject).addCriteria(Criteria.where("changedAt").lt(changedAt)),
                        newToken().set("changedAt", changedAt), COLLECTION);
            } catch (DuplicateKeyException recordedAlready) {
                // The stamp exists and is not older: the upsert's insert clashed with it, and that is all.
            }
        });
    }

    /** The subject's stamp now, for an entity tag; read it before the query whose answer it tags. */
    public String current(String subject) {
        Query query = bySubject(subject);
        query.fields().include("token");
        Document stamp = mongo.findOne(query, Document.class, COLLECTION);
        return stamp == null ? NEVER_CHANGED : stamp.getString("token");
    }

    private void record(String subject, Runnable write) {
        try {
            write.run();
        } catch (DataAccessException e) {
            log.warn("Could not record a change of {}; its answers keep their tag until the change is recorded: {}",
                    subject, e.toString());
        }
    }

    private static Query bySubject(String subject) {
        return Query.query(Criteria.where("_id").is(subject));
    }

    private static Update newToken() {
        return new Update().set("token", UUID.randomUUID().toString());
    }
}
