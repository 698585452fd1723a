package org.visaport.identity.audit;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail can only grow: this class inserts and reads, and nothing in the service updates or deletes it.
 * An entry travels in the membership's outbox as a local step, written with the decision it records, so it is filed
 * even if the service stops right after the decision.
 */
@Component
public class AuditLog {

    /** The outbox's local-step type of an audit entry. */
    public static final String LOCAL_STEP = "audit-entry";

    private final MongoTemplate mongo;
    private final JsonMapper json;

    public AuditLog(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** Idempotent: the service files an entry right after a decision and the outbox relay again as a backstop. */
    public void record(AuditEntry entry) {
        try {
            mongo.insert(entry);
        } catch (DuplicateKeyException alreadyFiled) {
            // The other path filed it first.
        }
    }

    /** The entry as an outbox local step, to be written in the same update as the decision. */
    public OutboxEvent localStep(AuditEntry entry) {
        return OutboxEvent.localStep(entry.id(), LOCAL_STEP, json.writeValueAsString(entry), entry.at());
    }

    /** Performs a local step {@link #localStep} made; the relay calls it, at least once. */
    public void file(OutboxEvent step) {
        if (!LOCAL_STEP.equals(step.type())) {
            throw new IllegalArgumentException("not an audit entry: " + step.type());
        }
        record(json.readValue(step.payload(), AuditEntry.class));
    }

    /** Oldest first, optionally one member's; up to {@code limit + 1} rows (see {@link Keyset}). */
    public List<AuditEntry> page(String memberId, KeysetPosition after, int limit) {
        Criteria filter = memberId == null ? new Criteria() : Criteria.where("memberId").is(memberId);
        return mongo.find(Keyset.query(filter, "at", Sort.Direction.ASC, after, limit), AuditEntry.class);
    }
}
