package org.visaport.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.keycloak.KeycloakUnavailableException;
import org.visaport.identity.keycloak.NewUser;
import org.visaport.identity.keycloak.UserAlreadyExistsException;
import org.visaport.identity.membership.Consent;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.ratelimit.RateLimitProperties;
import org.visaport.identity.ratelimit.RateLimiter;
import org.visaport.platform.hashing.Hashing;
import org.visaport.platform.idempotency.IdempotencyKeys;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.problem.Problems;

/**
 * Turns an application into a Keycloak user and a membership without a shared transaction: the membership is written
 * first as PROVISIONING (which also claims the e-mail address), then the Keycloak user, then the membership is
 * completed together with its events. A failure after the first step undoes what exists; a crash leaves a
 * PROVISIONING record that {@link org.visaport.identity.membership.AccessReconciler} cleans up.
 */
@Service
public class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
    /** Applications are anonymous: one key space for all of them. */
    static final String IDEMPOTENCY_SCOPE = "application";

    private final MembershipStore store;
    private final KeycloakAdminClient keycloak;
    private final MemberEventFactory events;
    private final AuditLog auditLog;
    private final OutboxRelay relay;
    private final IdempotencyKeys idempotencyKeys;
    private final RateLimiter rateLimiter;
    private final RateLimitProperties limits;
    private final Clock clock;

    public ApplicationService(MembershipStore store, KeycloakAdminClient keycloak, MemberEventFactory events,
                              AuditLog auditLog, OutboxRelay relay, IdempotencyKeys idempotencyKeys, RateLimiter rateLimiter,
                              RateLimitProperties limits, Clock clock) {
        this.store = store;
        this.keycloak = keycloak;
        this.events = events;
        this.auditLog = auditLog;
        this.relay = relay;
        this.idempotencyKeys = idempotencyKeys;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's key, or null; a retry with the same key and request gets the same answer and
     *                       changes nothing, the same key with another request is refused (422)
     */
    public ApplicationReceipt apply(ApplicationRequest request, String idempotencyKey, String clientAddress) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        IdempotencyKeys.Claim claim = idempotencyKey == null ? null
                : idempotencyKeys.claim(IDEMPOTENCY_SCOPE, idempotencyKey, fingerprint(request, email));
        if (claim != null && claim.isRetry()) {
            return ApplicationReceipt.RECEIVED;
        }
        try {
            rateLimiter.acquire("application-address:" + clientAddress, limits.applicationsPerAddress(), limits.addressWindow());
            rateLimiter.acquire("application-email:" + Hashing.sha256(email), limits.applicationsPerEmail(), limits.emailWindow());
            register(request, email);
            if (claim != null) {
                // Nothing to hand back: every accepted application gets the same receipt.
                idempotencyKeys.complete(claim, "");
            }
            return ApplicationReceipt.RECEIVED;
        } catch (RuntimeException e) {
            if (claim != null) {
                idempotencyKeys.release(claim);
            }
            throw e;
        }
    }

    private void register(ApplicationRequest request, String email) {
        Instant now = clock.instant();
        Membership provisional = provisional(request, email, now);
        try {
            store.insert(provisional);
        } catch (DuplicateKeyException known) {
            tellOwnerOfDuplicate(email);
            return;
        }
        String userId;
        try {
            PersonName name = PersonName.of(request.fullName());
            userId = keycloak.createUser(new NewUser(email, name.first(), name.last(), request.password()));
        } catch (UserAlreadyExistsException staffOrOrphan) {
            // A Keycloak account without membership (staff, or a leftover the reconciler has not removed yet).
            store.delete(provisional.id());
            log.info("Application {} matched an existing Keycloak account without membership", provisional.id());
            return;
        } catch (KeycloakUnavailableException e) {
            if (e.requestNeverSent()) {
                store.delete(provisional.id());
            } else {
                removeIfCreated(provisional);
            }
            throw e;
        } catch (RuntimeException refused) {
            store.delete(provisional.id());
            throw refused;
        }
        try {
            keycloak.addRealmRoles(userId, Set.of("applicant"));
        } catch (RuntimeException e) {
            undo(provisional.id(), userId);
            throw e;
        }
        AuditEntry audit = new AuditEntry(UUID.randomUUID().toString(), userId, "applied", userId, provisional.fullName(),
                null, MembershipStatus.PENDING_VERIFICATION.name(), null, now);
        List<OutboxEvent> outbox = new ArrayList<>();
        outbox.add(auditLog.localStep(audit));
        outbox.addAll(applicationEvents(provisional, userId, now));
        try {
            if (!store.completeProvisioning(provisional.id(), userId, outbox, now)) {
                throw new IllegalStateException("application " + provisional.id() + " vanished while provisioning");
            }
        } catch (RuntimeException e) {
            undo(provisional.id(), userId);
            throw e;
        }
        auditLog.record(audit);
        relay.dispatch(provisional.id());
        keycloak.sendVerificationEmail(userId);
    }

    /**
     * The create request may have reached Keycloak before the answer was lost. Look and clean up now if possible;
     * otherwise the PROVISIONING record stays for the reconciler.
     */
    private void removeIfCreated(Membership provisional) {
        try {
            keycloak.findByEmail(provisional.email()).filter(user -> user.createdSince(provisional.appliedAt()))
                    .ifPresent(user -> keycloak.deleteUser(user.id()));
            store.delete(provisional.id());
        } catch (RuntimeException e) {
            log.warn("Could not check application {} in Keycloak now; the reconciler will: {}", provisional.id(), e.getMessage());
        }
    }

    private void undo(String applicationId, String userId) {
        try {
            keycloak.deleteUser(userId);
            store.delete(applicationId);
        } catch (RuntimeException e) {
            log.warn("Could not undo application {} now; the reconciler will: {}", applicationId, e.getMessage());
        }
    }

    private List<OutboxEvent> applicationEvents(Membership m, String memberId, Instant now) {
        return List.of(
                events.event("member.applied", memberId, new MemberEvents.Applied(memberId, m.credentials().countryCode(), now)),
                events.notification(new MemberEvents.NotificationRequested(memberId, m.email(), m.fullName(), m.language(),
                        "application-received", null, null), memberId));
    }

    /** The owner of a known address hears about the attempt; the caller learns nothing. */
    private void tellOwnerOfDuplicate(String email) {
        Membership existing = store.byEmail(email).orElse(null);
        if (existing == null || existing.status() == MembershipStatus.PROVISIONING) {
            // Another application for this address is being written or cleaned up: its outcome is not known yet.
            throw Problems.unavailable("An application for this request is still being processed.", Duration.ofSeconds(30));
        }
        store.append(existing.id(), List.of(events.notification(new MemberEvents.NotificationRequested(
                existing.memberId(), existing.email(), existing.fullName(), existing.language(),
                "duplicate-application", null, null), existing.memberId())));
        relay.dispatch(existing.id());
    }

    private static Membership provisional(ApplicationRequest r, String email, Instant now) {
        Credentials credentials = new Credentials(r.countryCode(), r.mission().strip(), r.position().strip(),
                r.accreditationNumber().strip(), r.postingCity().strip(), r.postingEndsOn());
        return Membership.provisional(UUID.randomUUID().toString(), email, r.fullName().strip(), r.language(), credentials,
                new Consent(r.termsVersion(), now), now);
    }

    private static String fingerprint(ApplicationRequest r, String email) {
        return IdempotencyKeys.fingerprint(r.fullName(), email, r.countryCode(), r.mission(), r.position(), r.accreditationNumber(),
                r.postingCity(), r.language(), String.valueOf(r.postingEndsOn()), r.termsVersion());
    }
}
