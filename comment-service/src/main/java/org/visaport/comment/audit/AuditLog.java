package org.visaport.comment.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderation audit trail. Entries travel in the outbox of the document whose change they describe and are filed
 * by the relay, so a decision is never stored without its entry; filing is keyed by the entry id and so happens once.
 */
@Component
public class AuditLog {

    static final String LOCAL_STEP = "moderation-audit";
    private static final String SCOPE = "moderation-audit";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final Cursors cursors;

    public AuditLog(MongoTemplate mongo, JsonMapper json, Clock clock, Cursors cursors) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.cursors = cursors;
    }

    public AuditEntry entry(String actorId, String action, String target, String reason, Map<String, String> details) {
        return new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actorId, action, target, reason, details);
    }

    /** The outbox entry that files {@code entry} once the change it belongs to is stored. */
    public OutboxEvent localStep(AuditEntry entry) {
        return OutboxEvent.localStep(entry.id(), LOCAL_STEP, json.writeValueAsString(entry), entry.at());
    }

    /** The relay's local step; a repeat after a crash finds the entry filed and does nothing. */
    public void file(OutboxEvent step) {
        if (!LOCAL_STEP.equals(step.type())) {
            throw new IllegalStateException("not an audit entry: " + step.type());
        }
        try {
            mongo.insert(json.readValue(step.payload(), AuditEntry.class));
        } catch (DuplicateKeyException filedBefore) {
            // Filed by an earlier run of this step.
        }
    }

    /** Newest first; {@code target} narrows to one comment, member or the settings. */
    public Page<AuditEntry> page(String target, String cursor, int limit) {
        String scope = SCOPE + ":" + (target == null ? "" : target);
        Criteria filter = target == null ? new Criteria() : Criteria.where("target").is(target);
        KeysetPosition after = cursor == null ? null : cursors.afterPosition(scope, cursor);
        var rows = mongo.find(Keyset.query(filter, "at", Sort.Direction.DESC, after, limit), AuditEntry.class);
        return cursors.page(scope, rows, limit, entry -> new KeysetPosition(entry.at(), entry.id()), entry -> entry);
    }
}
