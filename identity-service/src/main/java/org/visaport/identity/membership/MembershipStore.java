package org.visaport.identity.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.visaport.identity.web.Cursor;

/**
 * Every write to a membership is one single-document update: the change, its outbox entries and the access
 * generation move together, which MongoDB applies atomically without transactions. State changes are
 * compare-and-set on the expected status, so concurrent decisions cannot both win.
 */
@Component
public class MembershipStore {

    private final MongoTemplate mongo;

    public MembershipStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the e-mail address is known. */
    public void insert(Membership membership) {
        mongo.insert(membership);
    }

    /** The application's second half: the Keycloak user exists, the membership becomes visible to moderators. */
    public boolean completeProvisioning(String id, String memberId, List<OutboxEntry> entries, Instant now) {
        Update update = new Update().set("memberId", memberId).set("status", MembershipStatus.PENDING_VERIFICATION)
                .set("updatedAt", now);
        return mongo.updateFirst(byIdAndStatus(id, MembershipStatus.PROVISIONING), withOutbox(update, entries),
                Membership.class).getModifiedCount() == 1;
    }

    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Membership.class);
    }

    public Optional<Membership> byMemberId(String memberId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("memberId").is(memberId)
                .and("status").ne(MembershipStatus.ERASED)), Membership.class));
    }

    public Optional<Membership> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("email").is(email)), Membership.class));
    }

    public void append(String id, List<OutboxEntry> entries) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), withOutbox(new Update(), entries), Membership.class);
    }

    /**
     * Applies {@code change} if the membership is still in {@code expected}; a change of access bumps the access
     * generation and marks Keycloak as to be brought in line.
     */
    public Optional<Membership> transition(String id, MembershipStatus expected, Update change, boolean accessChanged,
                                           List<OutboxEntry> entries) {
        if (accessChanged) {
            change.inc("accessGeneration", 1).set("accessSyncPending", true);
        }
        return Optional.ofNullable(mongo.findAndModify(byIdAndStatus(id, expected), withOutbox(change, entries),
                FindAndModifyOptions.options().returnNew(true), Membership.class));
    }

    /** Only clears the flag if no newer change came in meanwhile. */
    public void markAccessSynced(String id, long generation) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("accessGeneration").is(generation)),
                new Update().set("accessSyncPending", false), Membership.class);
        removeIfErasedAndSettled(id);
    }

    public List<Membership> page(MembershipStatus status, Cursor after, int limit) {
        Criteria criteria = Criteria.where("status").is(status);
        if (after != null) {
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("appliedAt").gt(after.at()),
                    new Criteria().andOperator(Criteria.where("appliedAt").is(after.at()), Criteria.where("_id").gt(after.id()))));
        }
        return mongo.find(Query.query(criteria).with(Sort.by("appliedAt", "_id")).limit(limit + 1), Membership.class);
    }

    /** Suspended, rejected and erased members: their tokens are refused here before they expire. */
    public boolean isBlocked(String memberId) {
        return mongo.exists(Query.query(Criteria.where("memberId").is(memberId).and("enabled").is(false)), Membership.class);
    }

    public List<Membership> pendingAccessSync(int limit) {
        return mongo.find(Query.query(Criteria.where("accessSyncPending").is(true)).limit(limit), Membership.class);
    }

    public List<Membership> provisioningSince(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(MembershipStatus.PROVISIONING)
                .and("appliedAt").lt(before)).limit(limit), Membership.class);
    }

    public List<Membership> activeWithPostingEndingBy(LocalDate day, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(MembershipStatus.ACTIVE)
                .and("credentials.postingEndsOn").lte(day)).limit(limit), Membership.class);
    }

    /** Reminds once per posting end date. */
    public boolean markReminded(String id, LocalDate postingEndsOn, List<OutboxEntry> entries) {
        Query query = Query.query(Criteria.where("_id").is(id).and("credentials.postingEndsOn").is(postingEndsOn)
                .and("postingReminderSentFor").ne(postingEndsOn));
        return mongo.updateFirst(query, withOutbox(new Update().set("postingReminderSentFor", postingEndsOn), entries),
                Membership.class).getModifiedCount() == 1;
    }

    /** Claims one membership with unsent outbox entries for {@code lease}; another instance skips it meanwhile. */
    public Optional<Membership> claimForRelay(Instant now, Instant leaseUntil) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("outboxPending").is(true),
                new Criteria().orOperator(Criteria.where("relayLeaseUntil").is(null), Criteria.where("relayLeaseUntil").lt(now))));
        return Optional.ofNullable(mongo.findAndModify(query, new Update().set("relayLeaseUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), Membership.class));
    }

    /** Drops the sent entries and the lease. */
    public void markRelayed(String id, List<String> sentIds) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        mongo.updateFirst(byId, new Update().pull("outbox", new Document("entryId", new Document("$in", sentIds)))
                .unset("relayLeaseUntil"), Membership.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outbox").size(0)),
                new Update().set("outboxPending", false), Membership.class);
        removeIfErasedAndSettled(id);
    }

    /** An erased membership goes once both its events are out and its Keycloak user is gone, whichever comes last. */
    private void removeIfErasedAndSettled(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("status").is(MembershipStatus.ERASED)
                .and("outboxPending").is(false).and("accessSyncPending").is(false)), Membership.class);
    }

    public void releaseRelay(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("relayLeaseUntil"), Membership.class);
    }

    private static Query byIdAndStatus(String id, MembershipStatus status) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(status));
    }

    private static Update withOutbox(Update update, List<OutboxEntry> entries) {
        if (!entries.isEmpty()) {
            update.push("outbox").each(entries.toArray()).set("outboxPending", true);
        }
        return update;
    }
}
