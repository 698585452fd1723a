package org.visaport.identity.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;

/**
 * Every write to a membership is one single-document update: the change, its outbox entries and the access
 * generation move together, which MongoDB applies atomically without transactions. Changes are compare-and-set on
 * the status and version they were decided on, so no write can undo one made meanwhile (the loser reads again and
 * decides again, see {@link MembershipChanges#onLatest}). The outbox relay
 * ({@link MembershipOutbox}) takes the entries from there; whoever writes entries dispatches it afterwards.
 */
@Component
public class MembershipStore {

    static final String OUTBOX = OutboxDefinition.DEFAULT_FIELD;

    private final MongoTemplate mongo;

    public MembershipStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the e-mail address is known. */
    public void insert(Membership membership) {
        mongo.insert(membership);
    }

    /** The application's second half: the Keycloak user exists, the membership becomes visible to moderators. */
    public boolean completeProvisioning(String id, String memberId, List<OutboxEvent> entries, Instant now) {
        Update update = new Update().set("memberId", memberId).set("status", MembershipStatus.PENDING_VERIFICATION)
                .set("updatedAt", now);
        return mongo.updateFirst(byIdAndStatus(id, MembershipStatus.PROVISIONING), withOutbox(update, entries),
                Membership.class).getModifiedCount() == 1;
    }

    /**
     * Removes an application that never got past PROVISIONING. Only such a one: an application completed meanwhile has
     * events on their way and is erased through its own status change, never deleted outright.
     */
    public void deleteUnfinished(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("status").is(MembershipStatus.PROVISIONING)), Membership.class);
    }

    public Optional<Membership> byMemberId(String memberId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("memberId").is(memberId)
                .and("status").ne(MembershipStatus.ERASED)), Membership.class));
    }

    public Optional<Membership> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("email").is(email)), Membership.class));
    }

    public void append(String id, List<OutboxEvent> entries) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), withOutbox(new Update(), entries), Membership.class);
    }

    /**
     * Applies {@code change} if the membership is still as {@code current} was read (same status and version), and
     * raises the version; empty if another write came first. A change of access bumps the access generation and marks
     * Keycloak as to be brought in line.
     */
    public Optional<Membership> transition(Membership current, Update change, boolean accessChanged,
                                           List<OutboxEvent> entries) {
        if (accessChanged) {
            change.inc("accessGeneration", 1).set("accessSyncPending", true);
        }
        change.inc("version", 1);
        // Memberships written before versions existed have none: they count as version 0.
        Criteria version = current.version() == 0
                ? new Criteria().orOperator(Criteria.where("version").is(0L), Criteria.where("version").exists(false))
                : Criteria.where("version").is(current.version());
        Query query = Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(current.id()).and("status").is(current.status()), version));
        return Optional.ofNullable(mongo.findAndModify(query, withOutbox(change, entries),
                FindAndModifyOptions.options().returnNew(true), Membership.class));
    }

    public Optional<Membership> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Membership.class));
    }

    /**
     * Only clears the flag if no newer change came in meanwhile; returns whether the generation was still {@code
     * generation}, i.e. whether what was applied to Keycloak is what the membership says now.
     */
    public boolean markAccessSynced(String id, long generation) {
        boolean current = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("accessGeneration").is(generation)),
                new Update().set("accessSyncPending", false), Membership.class).getMatchedCount() == 1;
        removeIfErasedAndSettled(id);
        return current;
    }

    /** Keycloak may hold an older state than the membership: the reconciler is to bring it in line. */
    public void markAccessSyncPending(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("accessSyncPending").is(false)),
                new Update().set("accessSyncPending", true), Membership.class);
    }

    /**
     * Records that the e-mail address is confirmed, as learned from Keycloak. It changes no decision, so it raises no
     * version and a decision under way is not made to decide again; the first time learned stays.
     */
    public void markEmailConfirmed(String id, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("emailConfirmedAt").is(null)),
                new Update().set("emailConfirmedAt", at), Membership.class);
    }

    /** Memberships in {@code status}, oldest application first; up to {@code limit + 1} rows (see {@link Keyset}). */
    public List<Membership> page(MembershipStatus status, KeysetPosition after, int limit) {
        return mongo.find(Keyset.query(Criteria.where("status").is(status), "appliedAt", Sort.Direction.ASC, after, limit),
                Membership.class);
    }

    /** Suspended, rejected and erased members: their tokens are refused here before they expire. */
    public boolean isBlocked(String memberId) {
        return mongo.exists(Query.query(Criteria.where("memberId").is(memberId).and("enabled").is(false)), Membership.class);
    }

    /** Memberships whose {@code admin} is still Keycloak's alone (see {@link Membership#awaitsAdminAdoption()}). */
    public List<Membership> awaitingAdminAdoption(int limit) {
        return mongo.find(Query.query(Criteria.where("adminAdopted").ne(true).and("memberId").ne(null)
                .and("status").in(Membership.ERASABLE)).limit(limit), Membership.class);
    }

    public List<Membership> pendingAccessSync(int limit) {
        return mongo.find(Query.query(Criteria.where("accessSyncPending").is(true)).limit(limit), Membership.class);
    }

    /** Applications still awaiting a decision that were made before {@code before}, in id order after {@code afterId}. */
    public List<Membership> undecidedApplicationsSince(Instant before, String afterId, int limit) {
        Criteria criteria = Criteria.where("status").in(MembershipStatus.PENDING_VERIFICATION, MembershipStatus.INFORMATION_REQUESTED)
                .and("appliedAt").lt(before);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Membership.class);
    }

    public List<Membership> provisioningSince(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(MembershipStatus.PROVISIONING)
                .and("appliedAt").lt(before)).limit(limit), Membership.class);
    }

    /**
     * Active memberships whose posting ends by {@code day}, in id order after {@code afterId} (null: from the start):
     * a caller pages through all of them, whatever it does to the ones it has seen.
     */
    public List<Membership> activeWithPostingEndingBy(LocalDate day, String afterId, int limit) {
        Criteria criteria = Criteria.where("status").is(MembershipStatus.ACTIVE).and("credentials.postingEndsOn").lte(day);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Membership.class);
    }

    /** Reminds once per posting end date. */
    public boolean markReminded(String id, LocalDate postingEndsOn, List<OutboxEvent> entries) {
        Query query = Query.query(Criteria.where("_id").is(id).and("credentials.postingEndsOn").is(postingEndsOn)
                .and("postingReminderSentFor").ne(postingEndsOn));
        return mongo.updateFirst(query, withOutbox(new Update().set("postingReminderSentFor", postingEndsOn), entries),
                Membership.class).getModifiedCount() == 1;
    }

    /**
     * An erased membership goes once both its outbox is empty and its Keycloak user is gone, whichever comes last
     * (the relay calls this after it removed entries, the access sync after Keycloak confirmed).
     */
    public void removeIfErasedAndSettled(String id) {
        mongo.remove(Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(id).and("status").is(MembershipStatus.ERASED).and("accessSyncPending").is(false),
                new Criteria().orOperator(Criteria.where(OUTBOX).size(0), Criteria.where(OUTBOX).exists(false)))),
                Membership.class);
    }

    private static Query byIdAndStatus(String id, MembershipStatus status) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(status));
    }

    private static Update withOutbox(Update update, List<OutboxEvent> entries) {
        if (!entries.isEmpty()) {
            update.push(OUTBOX).each(entries.toArray());
        }
        return update;
    }
}
