package org.visaport.identity.audit;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.visaport.identity.web.Cursor;

/** The audit trail can only grow: this class inserts and reads, and nothing in the service updates or deletes it. */
@Component
public class AuditLog {

    private final MongoTemplate mongo;

    public AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: the service files an entry right after a decision and the outbox relay again as a backstop. */
    public void record(AuditEntry entry) {
        try {
            mongo.insert(entry);
        } catch (DuplicateKeyException alreadyFiled) {
            // The other path filed it first.
        }
    }

    public List<AuditEntry> page(String memberId, Cursor after, int limit) {
        Criteria criteria = memberId == null ? new Criteria() : Criteria.where("memberId").is(memberId);
        if (after != null) {
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("at").gt(after.at()),
                    new Criteria().andOperator(Criteria.where("at").is(after.at()), Criteria.where("_id").gt(after.id()))));
        }
        Query query = Query.query(criteria).with(Sort.by("at", "_id")).limit(limit + 1);
        return mongo.find(query, AuditEntry.class);
    }
}
