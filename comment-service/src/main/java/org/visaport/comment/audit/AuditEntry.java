package org.visaport.comment.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One moderation decision or settings change: who, when, what, about what, why. Written once, never edited.
 *
 * @param target  what it was about, e.g. {@code comment:<id>}, {@code member:<id>}, {@code settings}
 * @param details what changed, e.g. the words added to a list; never personal data beyond member ids
 */
@Document("moderation_audit")
@CompoundIndexes({
        @CompoundIndex(name = "newest", def = "{'at': -1, '_id': -1}"),
        @CompoundIndex(name = "by_target", def = "{'target': 1, 'at': -1, '_id': -1}")
})
public record AuditEntry(@Id String id, Instant at, String actorId, String action, String target, String reason,
                         Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
