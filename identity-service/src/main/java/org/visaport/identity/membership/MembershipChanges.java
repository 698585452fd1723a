package org.visaport.identity.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.problem.Problems;

/**
 * The one way a membership changes state: check the transition, write status, access, audit entry and events in one
 * document update, file the audit entry, hand the events to the relay, then bring Keycloak in line.
 */
@Component
public class MembershipChanges {

    private final MembershipStore store;
    private final AuditLog auditLog;
    private final AccessSync accessSync;
    private final OutboxRelay relay;
    private final Clock clock;

    public MembershipChanges(MembershipStore store, AuditLog auditLog, AccessSync accessSync, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.accessSync = accessSync;
        this.relay = relay;
        this.clock = clock;
    }

    public record Result(Membership membership, boolean accessSynced) {
    }

    /**
     * @param change a decision made by {@link Membership}'s rules; refused with a 409 if the membership is not in a
     *               status it may be taken in
     * @param extra  further fields to set in the same update, or null
     * @param events the events of the change, given the membership as the change leaves it and the audit entry
     */
    public Result apply(Membership current, Change change, Update extra,
                        BiFunction<Membership, AuditEntry, List<OutboxEvent>> events) {
        if (!change.allowedFrom(current.status())) {
            throw Problems.conflict("Conflict", "A membership in status " + current.status() + " cannot be " + change.action() + ".");
        }
        Instant now = clock.instant();
        AuditEntry audit = new AuditEntry(UUID.randomUUID().toString(), current.memberId(), change.action(),
                change.actor().id(), change.actor().name(), current.status().name(), change.to().name(), change.reason(), now);
        boolean accessChanged = current.accessChangedBy(change);
        Update update = (extra == null ? new Update() : extra).set("status", change.to()).set("roles", change.roles())
                .set("enabled", change.enabled()).set("statusReason", change.reason()).set("updatedAt", now);
        List<OutboxEvent> outbox = new ArrayList<>();
        outbox.add(auditLog.localStep(audit));
        outbox.addAll(events.apply(current.after(change, now), audit));
        Membership updated = store.transition(current.id(), current.status(), update, accessChanged, outbox)
                .orElseThrow(() -> Problems.conflict("Conflict", "The membership changed meanwhile; reload and try again."));
        auditLog.record(audit);
        relay.dispatch(updated.id());
        boolean synced = !updated.accessSyncPending() || accessSync.sync(updated);
        return new Result(updated, synced);
    }
}
