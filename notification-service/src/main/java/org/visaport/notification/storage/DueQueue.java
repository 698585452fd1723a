package org.visaport.notification.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Work stored as documents that wait to be done (mails to send, webhooks to deliver): {@code status} is PENDING until
 * done, and {@code nextAttemptAt} is both when a pending document is due and, while a worker holds it, when that claim
 * lapses. A worker claims a document before working on it (one atomic find-and-modify moves {@code nextAttemptAt} to
 * the end of the claim), so two workers, on one instance or several, never hold the same document at once; a worker
 * that dies leaves it to be tried again after the claim lapses (at least once).
 *
 * @param ageField the time field since when a pending document has been due, for the metrics; one due later (a mail
 *                 held by quiet hours) is not counted as waiting yet
 */
public record DueQueue<T>(MongoTemplate mongo, Clock clock, Class<T> type, Duration claimFor, String ageField) {

    public static final String PENDING = "PENDING";

    /** Takes the document {@code id} if it is pending and due (and nobody else holds it). */
    public Optional<T> claim(String id) {
        return claim(Query.query(due().and("_id").is(id)));
    }

    /** Takes the document due longest. */
    public Optional<T> claimNextDue() {
        return claim(Query.query(due()).with(Sort.by("nextAttemptAt", "_id")));
    }

    public long pending() {
        return mongo.count(Query.query(Criteria.where("status").is(PENDING)), type);
    }

    /** When the pending document that has waited longest started waiting. */
    public Optional<Instant> oldestPending() {
        Query oldest = Query.query(Criteria.where("status").is(PENDING).and(ageField).lte(clock.instant()))
                .with(Sort.by(ageField));
        oldest.fields().include(ageField);
        Document found = mongo.findOne(oldest, Document.class, mongo.getCollectionName(type));
        return Optional.ofNullable(found).map(document -> document.getDate(ageField)).map(java.util.Date::toInstant);
    }

    private Criteria due() {
        return Criteria.where("status").is(PENDING).and("nextAttemptAt").lte(clock.instant());
    }

    private Optional<T> claim(Query query) {
        Instant lapses = clock.instant().plus(claimFor);
        return Optional.ofNullable(mongo.findAndModify(query, new Update().set("nextAttemptAt", lapses),
                FindAndModifyOptions.options().returnNew(true), type));
    }
}
