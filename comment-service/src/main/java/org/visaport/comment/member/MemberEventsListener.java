package org.visaport.comment.member;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.comment.comment.Comments;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.mongo.Documents;
import org.visaport.platform.topics.Topics;

/**
 * Keeps the member read model from identity-service's events and carries their consequences to comments: a new
 * display name shows on the member's comments, a deleted member's comments are anonymised ("former member"; their
 * texts kept, or removed when {@code visaport.comments.erase-texts-of-deleted-members} is set). Each effect is
 * idempotent by itself; remembered event ids spare the work on redelivery.
 */
@Component
class MemberEventsListener {

    static final String CONSUMER = "comment-service.members";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final MongoTemplate mongo;
    private final Comments comments;
    private final boolean eraseTexts;

    MemberEventsListener(EventReader reader, ProcessedEvents processed, MongoTemplate mongo, Comments comments,
                         @Value("${visaport.comments.erase-texts-of-deleted-members:false}") boolean eraseTexts) {
        this.reader = reader;
        this.processed = processed;
        this.mongo = mongo;
        this.comments = comments;
        this.eraseTexts = eraseTexts;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBER_EVENTS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        MemberData data = reader.data(event, MemberData.class);
        Runnable effect = switch (event.type()) {
            case "member.approved", "member.reinstated" ->
                    () -> update(data, KnownMember.Status.ACTIVE, data.displayName(), data.roles());
            case "member.suspended" -> () -> update(data, KnownMember.Status.SUSPENDED, null, null);
            case "member.lapsed" -> () -> update(data, KnownMember.Status.LAPSED, null, null);
            case "member.role-changed" -> () -> update(data, null, null, data.roles());
            case "member.profile-updated" -> () -> {
                if (update(data, null, data.displayName(), null)) {
                    comments.renameAuthor(data.memberId(), data.displayName());
                }
            };
            case "member.deleted" -> () -> {
                update(data, KnownMember.Status.DELETED, null, null);
                mongo.updateFirst(Query.query(Criteria.where("_id").is(data.memberId())), new Update().unset("displayName"),
                        KnownMember.class);
                // Not only when the update applied: anonymising again is harmless and finishes an interrupted run.
                comments.changeAllBy(data.memberId(), comment -> comment.anonymise(eraseTexts, data.at()));
                comments.forgetAnsweredAuthor(data.memberId());
            };
            default -> null;
        };
        if (effect != null && data.memberId() != null) {
            processed.once(CONSUMER, event.id(), effect);
        }
    }

    /** Applies what the event says unless a later event was applied already; says whether it applied. */
    private boolean update(MemberData data, KnownMember.Status status, String displayName, List<String> roles) {
        Instant at = data.at();
        Update update = new Update().set("changedAt", at);
        if (status != null) {
            update.set("status", status);
        }
        if (displayName != null) {
            update.set("displayName", displayName);
        }
        if (roles != null) {
            update.set("roles", roles);
        }
        Query notNewer = Query.query(Criteria.where("_id").is(data.memberId())
                .orOperator(Criteria.where("changedAt").lte(at), Criteria.where("changedAt").exists(false)));
        if (Documents.existsWithId(mongo, data.memberId(), KnownMember.class)) {
            return mongo.updateFirst(notNewer, update, KnownMember.class).getMatchedCount() > 0;
        }
        if (status == null) {
            // Only approval or a status change introduces a member; the other events refine a known one.
            update.set("status", KnownMember.Status.ACTIVE);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(data.memberId())), update, KnownMember.class);
        return true;
    }

    /** The fields of identity-service's member payloads this service reads; each event carries one of the times. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberData(String memberId, String displayName, List<String> roles, Instant approvedAt, Instant reinstatedAt,
                      Instant suspendedAt, Instant lapsedAt, Instant changedAt, Instant updatedAt, Instant deletedAt) {

        Instant at() {
            for (Instant candidate : new Instant[] {approvedAt, reinstatedAt, suspendedAt, lapsedAt, changedAt, updatedAt, deletedAt}) {
                if (candidate != null) {
                    return candidate;
                }
            }
            return Instant.EPOCH;
        }
    }
}
