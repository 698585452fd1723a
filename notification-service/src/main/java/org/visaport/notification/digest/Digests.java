package org.visaport.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.storage.Inserts;

/** The notices waiting for members' daily digests. */
@Service
public class Digests {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration keepDoneFor;

    Digests(MongoTemplate mongo, Clock clock, @Value("${visaport.notifications.digest.keep-done-for:P35D}") Duration keepDoneFor) {
        this.mongo = mongo;
        this.clock = clock;
        this.keepDoneFor = keepDoneFor;
    }

    /** Stores the entries; one stored before (waiting, or already in a digest) stays as it is. */
    public void hold(Collection<DigestEntry> entries) {
        Inserts.ignoringDuplicates(mongo, DigestEntry.class, entries);
    }

    /** The member whose digest has been due longest, if any is due. */
    Optional<String> nextDueMember() {
        Query query = Query.query(Criteria.where("status").is(DigestEntry.Status.WAITING).and("dueAt").lte(clock.instant()))
                .with(Sort.by("dueAt"));
        query.fields().include("memberId");
        return Optional.ofNullable(mongo.findOne(query, DigestEntry.class)).map(DigestEntry::memberId);
    }

    /** The member's entries due now, oldest first. */
    List<DigestEntry> dueFor(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId).and("status").is(DigestEntry.Status.WAITING)
                .and("dueAt").lte(clock.instant())).with(Sort.by("at", "_id")), DigestEntry.class);
    }

    /** Done, sent or left out: only the id and state stay, so a replayed event adds nothing to a later digest. */
    void done(Collection<DigestEntry> entries) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(entries.stream().map(DigestEntry::id).toList())),
                new Update().set("status", DigestEntry.Status.DONE).set("doneAt", clock.instant())
                        .unset("title").unset("summary").unset("url"), DigestEntry.class);
    }

    void purgeDone() {
        mongo.remove(Query.query(Criteria.where("status").is(DigestEntry.Status.DONE)
                .and("doneAt").lt(clock.instant().minus(keepDoneFor))), DigestEntry.class);
    }

    public void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), DigestEntry.class);
    }

    long waiting() {
        return mongo.count(Query.query(Criteria.where("status").is(DigestEntry.Status.WAITING)), DigestEntry.class);
    }

    Instant now() {
        return clock.instant();
    }
}
