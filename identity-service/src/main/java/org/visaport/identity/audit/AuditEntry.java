package org.visaport.identity.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One decision about a membership: who decided, when, what and why. Written once, never changed.
 *
 * @param actorId the Keycloak id of the moderator or admin, or {@code system} for scheduled jobs, or the member
 */
@Document("audit_trail")
@CompoundIndex(name = "member_at", def = "{'memberId': 1, 'at': 1, '_id': 1}")
public record AuditEntry(@Id String id, String memberId, String action, String actorId, String actorName,
                         String fromStatus, String toStatus, String reason, Instant at) {
}
