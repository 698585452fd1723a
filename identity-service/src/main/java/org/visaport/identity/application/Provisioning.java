package org.visaport.identity.application;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.keycloak.CredentialRejectedException;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.keycloak.KeycloakUnavailableException;
import org.visaport.identity.keycloak.KeycloakUser;
import org.visaport.identity.keycloak.NewUser;
import org.visaport.identity.keycloak.UserAlreadyExistsException;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxRelay;

/**
 * The work behind an accepted application, done after the applicant has the answer, so that a known and an unknown
 * address cost the request the same: the Keycloak account (enabled, verify-e-mail required, role applicant), then
 * the membership completed together with its events in one document update, then the verification mail; or, for a
 * known address, a notice to the address's owner. Keycloak outages are retried with back-off; what cannot be
 * finished is undone (account deleted, membership removed), and what a crash interrupts stays as a PROVISIONING
 * record that {@link org.visaport.identity.membership.AccessReconciler} cleans up. The password lives in memory
 * only, for the length of this work: it is never stored or logged.
 */
@Component
public class Provisioning {

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

    private final MembershipStore store;
    private final KeycloakAdminClient keycloak;
    private final MemberEventFactory events;
    private final AuditLog auditLog;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final Clock clock;
    private final List<Duration> backOff;
    private final ExecutorService work = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("provisioning-", 0).factory());

    public Provisioning(MembershipStore store, KeycloakAdminClient keycloak, MemberEventFactory events, AuditLog auditLog,
                        OutboxRelay relay, MeterRegistry meters, Clock clock,
                        @Value("${visaport.identity.provisioning-back-off:PT1S,PT5S,PT20S}") List<Duration> backOff) {
        this.store = store;
        this.keycloak = keycloak;
        this.events = events;
        this.auditLog = auditLog;
        this.relay = relay;
        this.meters = meters;
        this.clock = clock;
        this.backOff = List.copyOf(backOff);
    }

    void createAccount(Membership provisional, String password) {
        work.execute(() -> {
            try {
                createAccountNow(provisional, password);
            } catch (AbandonedApplication done) {
                log.debug("Application {} left for the reconciler", provisional.id());
            } catch (RuntimeException e) {
                log.error("Application {} failed unexpectedly; undoing it", provisional.id(), e);
                undo(provisional);
            }
        });
    }

    void tellOwnerOfDuplicate(String email) {
        work.execute(() -> {
            try {
                tellOwnerNow(email);
            } catch (AbandonedApplication shuttingDown) {
                log.debug("Shutting down before the owner of a known address was told");
            } catch (RuntimeException e) {
                log.warn("Could not tell the owner of a known address about a new application: {}", e.toString());
            }
        });
    }

    private void createAccountNow(Membership provisional, String password) {
        boolean mayExist = false;
        for (int attempt = 0; ; attempt++) {
            try {
                String userId = !mayExist ? create(provisional, password) : ownOrNew(provisional, password);
                keycloak.addRealmRoles(userId, Set.of("applicant"));
                complete(provisional, userId);
                outcome("accepted");
                return;
            } catch (AbandonedApplication undoneOrLeftForTheReconciler) {
                return;
            } catch (UserAlreadyExistsException staffOrOrphan) {
                // A Keycloak account without membership (staff, or a leftover the reconciler has not removed yet).
                store.deleteUnfinished(provisional.id());
                log.info("Application {} matched an existing Keycloak account without membership", provisional.id());
                outcome("existing-account");
                return;
            } catch (CredentialRejectedException refused) {
                // A rule only Keycloak judges (e.g. a deny list) refused the password after the applicant had the answer.
                store.deleteUnfinished(provisional.id());
                log.warn("Keycloak refused the credentials of application {} ({}); nothing was kept", provisional.id(),
                        refused.field());
                outcome("refused");
                return;
            } catch (KeycloakUnavailableException outage) {
                // A create request that left may have made the user before its answer was lost.
                mayExist |= !outage.requestNeverSent();
                if (attempt >= backOff.size()) {
                    log.warn("Keycloak stayed unavailable; application {} is undone", provisional.id());
                    undo(provisional);
                    outcome("keycloak-unavailable");
                    return;
                }
                pause(backOff.get(attempt));
            }
        }
    }

    private String create(Membership provisional, String password) {
        PersonName name = PersonName.of(provisional.fullName());
        return keycloak.createUser(new NewUser(provisional.email(), name.first(), name.last(), password));
    }

    /**
     * After a create request whose answer was lost: the account it made, or a new one. The lost request may still be
     * carried out between the look and the new create, which then meets it as an existing account; that account is
     * this application's all the same, not a stranger's.
     */
    private String ownOrNew(Membership provisional, String password) {
        Optional<KeycloakUser> own = createdForThis(provisional);
        if (own.isPresent()) {
            return own.get().id();
        }
        try {
            return create(provisional, password);
        } catch (UserAlreadyExistsException existing) {
            return createdForThis(provisional).map(KeycloakUser::id).orElseThrow(() -> existing);
        }
    }

    /** A create request may have reached Keycloak before its answer was lost: such an account is this application's. */
    private Optional<KeycloakUser> createdForThis(Membership provisional) {
        return keycloak.findByEmail(provisional.email()).filter(user -> user.createdSince(provisional.appliedAt()));
    }

    private void complete(Membership provisional, String userId) {
        Instant now = clock.instant();
        AuditEntry audit = new AuditEntry(UUID.randomUUID().toString(), userId, "applied", userId, provisional.fullName(),
                null, MembershipStatus.PENDING_VERIFICATION.name(), null, now);
        List<OutboxEvent> outbox = new ArrayList<>();
        outbox.add(auditLog.localStep(audit));
        outbox.add(events.event("member.applied", userId,
                new MemberEvents.Applied(userId, provisional.credentials().countryCode(), now)));
        outbox.add(events.notification(new MemberEvents.NotificationRequested(userId, provisional.email(),
                provisional.fullName(), provisional.language(), "application-received", null, null), userId));
        boolean completed;
        try {
            completed = store.completeProvisioning(provisional.id(), userId, outbox, now);
        } catch (RuntimeException e) {
            log.warn("Could not complete application {}; undoing it: {}", provisional.id(), e.toString());
            undo(provisional);
            outcome("store-failed");
            throw new AbandonedApplication();
        }
        if (!completed) {
            log.warn("Application {} vanished while its account was made; removing the account", provisional.id());
            keycloak.deleteUser(userId);
            throw new AbandonedApplication();
        }
        // The audit entry is filed by the outbox's local step, in order with the events.
        relay.dispatch(provisional.id());
        keycloak.sendVerificationEmail(userId);
    }

    private void tellOwnerNow(String email) {
        for (int attempt = 0; attempt <= backOff.size(); attempt++) {
            Membership existing = store.byEmail(email).orElse(null);
            if (existing == null) {
                return;
            }
            if (existing.status() != MembershipStatus.PROVISIONING) {
                store.append(existing.id(), List.of(events.notification(new MemberEvents.NotificationRequested(
                        existing.memberId(), existing.email(), existing.fullName(), existing.language(),
                        "duplicate-application", null, null), existing.memberId())));
                relay.dispatch(existing.id());
                return;
            }
            // The first application for this address is still being made: tell the owner once it is.
            if (attempt < backOff.size()) {
                pause(backOff.get(attempt));
            }
        }
    }

    /** Removes whatever of the application exists; what fails here is left for the reconciler. */
    private void undo(Membership provisional) {
        try {
            createdForThis(provisional).ifPresent(user -> keycloak.deleteUser(user.id()));
            store.deleteUnfinished(provisional.id());
        } catch (RuntimeException e) {
            log.warn("Could not undo application {} now; the reconciler will: {}", provisional.id(), e.toString());
        }
    }

    private void outcome(String outcome) {
        meters.counter("visaport.identity.applications.provisioned", "outcome", outcome).increment();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException shuttingDown) {
            // The PROVISIONING record stays; the reconciler finishes the clean-up.
            Thread.currentThread().interrupt();
            throw new AbandonedApplication();
        }
    }

    /** Lets running applications finish (their passwords exist nowhere else), then interrupts what still waits. */
    @PreDestroy
    void stop() throws InterruptedException {
        work.shutdown();
        if (!work.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
            work.shutdownNow();
        }
    }

    /** The application was undone; nothing more to do for it. */
    private static final class AbandonedApplication extends RuntimeException {
        AbandonedApplication() {
            super(null, null, false, false);
        }
    }
}
