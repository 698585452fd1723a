package org.visaport.identity.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.problem.Problems;

/**
 * The one way a membership changes state: check the transition, write status, access, audit entry and events in one
 * document update, file the audit entry, hand the events to the relay, then bring Keycloak in line.
 *
 * <p>Every change is decided on a membership as it was read, and written only if it is still so (status and version,
 * see {@link MembershipStore#transition}): a write based on an older read never overwrites a newer one, e.g. a profile
 * edit never puts back a role an admin has just revoked. Callers decide through {@link #onLatest}, which reads again and
 * decides again when another write came first. The update sets only what the change changes.
 */
@Component
public class MembershipChanges {

    /** Attempts of {@link #onLatest} before a conflict is given up as a 409. */
    static final int ATTEMPTS = 8;

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

    /** Another write came between the read a change was decided on and its write; a 409 if nobody decides again. */
    static final class ChangedMeanwhile extends ErrorResponseException {

        ChangedMeanwhile() {
            super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                    "The membership changed meanwhile; reload and try again."), null);
        }
    }

    /**
     * Reads the membership with {@code load} and runs {@code decide} on it (which checks what it must and calls
     * {@link #apply}); if another write got in between, reads again and decides again on what is there now, so every
     * check sees the latest state. Gives up with a 409 after {@value #ATTEMPTS} attempts.
     */
    public <T> T onLatest(Supplier<Membership> load, Function<Membership, T> decide) {
        for (int attempt = 1; ; attempt++) {
            try {
                return decide.apply(load.get());
            } catch (ChangedMeanwhile e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * @param change a decision made by {@link Membership}'s rules on {@code current}; refused with a 409 if the
     *               membership is not in a status it may be taken in, or {@link ChangedMeanwhile} if {@code current} is
     *               no longer the latest
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
        Update update = (extra == null ? new Update() : extra).set("updatedAt", now);
        if (change.to() != current.status()) {
            update.set("status", change.to()).set("statusReason", change.reason());
        }
        if (!change.roles().equals(current.roles())) {
            update.set("roles", change.roles());
        }
        if (change.enabled() != current.enabled()) {
            update.set("enabled", change.enabled());
        }
        List<OutboxEvent> outbox = new ArrayList<>();
        outbox.add(auditLog.localStep(audit));
        outbox.addAll(events.apply(current.after(change, now), audit));
        Membership updated = store.transition(current, update, accessChanged, outbox).orElseThrow(ChangedMeanwhile::new);
        auditLog.record(audit);
        relay.dispatch(updated.id());
        boolean synced = !updated.accessSyncPending() || accessSync.sync(updated);
        return new Result(updated, synced);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChangedMeanwhile();
        }
    }
}
