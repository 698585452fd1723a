package org.visaport.identity.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.web.ConflictException;

/**
 * The one way a membership changes state: check the transition, write status, access, audit entry and events in one
 * document update, file the audit entry, then bring Keycloak in line.
 */
@Component
public class MembershipChanges {

    private final MembershipStore store;
    private final AuditLog auditLog;
    private final AccessSync accessSync;
    private final Clock clock;

    public MembershipChanges(MembershipStore store, AuditLog auditLog, AccessSync accessSync, Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.accessSync = accessSync;
        this.clock = clock;
    }

    public record Result(Membership membership, boolean accessSynced) {
    }

    /**
     * @param from   the states this change may start from; anything else is a 409
     * @param events the outbox entries for the changed membership, the first of which should carry the audit entry
     */
    public Result apply(Membership current, Set<MembershipStatus> from, Change change, Update extra,
                        BiFunction<Membership, AuditEntry, List<OutboxEntry>> events) {
        if (!from.contains(current.status())) {
            throw new ConflictException("A membership in status " + current.status() + " cannot be " + change.action() + ".");
        }
        Instant now = clock.instant();
        AuditEntry audit = new AuditEntry(UUID.randomUUID().toString(), current.memberId(), change.action(),
                change.actor().id(), change.actor().name(), current.status().name(), change.to().name(), change.reason(), now);
        boolean accessChanged = !change.roles().equals(current.roles()) || change.enabled() != current.enabled()
                || change.to() == MembershipStatus.ERASED;
        Update update = (extra == null ? new Update() : extra).set("status", change.to()).set("roles", change.roles())
                .set("enabled", change.enabled()).set("statusReason", change.reason()).set("updatedAt", now);
        Membership preview = new Membership(current.id(), current.memberId(), change.to(), current.email(), current.fullName(),
                current.displayName(), current.language(), current.credentials(), current.consent(), change.roles(),
                change.enabled(), current.accessGeneration(), accessChanged, change.reason(), current.appliedAt(), now,
                current.postingReminderSentFor(), List.of(), false, null);
        List<OutboxEntry> outbox = new ArrayList<>(events.apply(preview, audit));
        if (outbox.stream().noneMatch(entry -> entry.audit() != null)) {
            outbox.add(new OutboxEntry(audit.id(), null, null, null, audit));
        }
        Membership updated = store.transition(current.id(), current.status(), update, accessChanged, outbox)
                .orElseThrow(() -> new ConflictException("The membership changed meanwhile; reload and try again."));
        auditLog.record(audit);
        boolean synced = !updated.accessSyncPending() || accessSync.sync(updated);
        return new Result(updated, synced);
    }
}
