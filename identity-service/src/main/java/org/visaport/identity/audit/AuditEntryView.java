package org.visaport.identity.audit;

import java.time.Instant;

/** An audit entry as admins read it. */
public record AuditEntryView(String id, String memberId, String action, String actorId, String actorName,
                             String fromStatus, String toStatus, String reason, Instant at) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id(), e.memberId(), e.action(), e.actorId(), e.actorName(), e.fromStatus(),
                e.toStatus(), e.reason(), e.at());
    }
}
