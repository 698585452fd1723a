package org.visaport.identity.moderation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.membership.AdminAdoption;
import org.visaport.identity.membership.EmailConfirmations;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.problem.Problems;

/**
 * Moderators' and admins' decisions on applications and members; the rules themselves are {@link Membership}'s. Who may
 * decide is checked here: nobody decides about their own membership, and only admins act on staff (suspend, reinstate,
 * roles). Every decision is taken on the membership as it is when written ({@link MembershipChanges#onLatest}).
 */
@Service
public class ModerationService {

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final MemberEventFactory events;
    private final KeycloakAdminClient keycloak;
    private final EmailConfirmations confirmations;
    private final AdminAdoption adoption;
    private final Clock clock;

    public ModerationService(MembershipStore store, MembershipChanges changes, MemberEventFactory events,
                             KeycloakAdminClient keycloak, EmailConfirmations confirmations, AdminAdoption adoption,
                             Clock clock) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.keycloak = keycloak;
        this.confirmations = confirmations;
        this.adoption = adoption;
        this.clock = clock;
    }

    /** Only once the applicant has shown control of the e-mail address: it is where every notice goes. */
    public MembershipChanges.Result approve(String memberId, String note, Caller caller) {
        notOwn(caller, memberId);
        return changes.onLatest(() -> find(memberId), m -> {
            if (m.isUnderReview() && !confirmations.confirmed(m)) {
                throw Problems.conflict("Conflict", "The applicant has not confirmed the e-mail address yet.");
            }
            return changes.apply(m, m.approval(caller.actor(), note), null,
                    (after, audit) -> List.of(
                            events.event("member.approved", memberId, new MemberEvents.Approved(memberId, after.displayName(),
                                    sorted(after.roles()), audit.at())),
                            notify(after, "application-approved", null)));
        });
    }

    public MembershipChanges.Result reject(String memberId, String reason, Caller caller) {
        notOwn(caller, memberId);
        return changes.onLatest(() -> find(memberId), m -> changes.apply(m, m.rejection(caller.actor(), reason), null,
                (after, audit) -> List.of(
                        events.event("member.rejected", memberId, new MemberEvents.Rejected(memberId, audit.at())),
                        notify(after, "application-rejected", reason))));
    }

    public MembershipChanges.Result requestInformation(String memberId, String message, Caller caller) {
        notOwn(caller, memberId);
        return changes.onLatest(() -> find(memberId), m -> changes.apply(m, m.informationRequest(caller.actor(), message), null,
                (after, audit) -> List.of(
                        events.event("member.information-requested", memberId,
                                new MemberEvents.InformationRequested(memberId, audit.at())),
                        notify(after, "information-requested", message))));
    }

    /** Staff (moderators, editors, admins) can only be suspended by an admin, so a moderator cannot silence another. */
    public MembershipChanges.Result suspend(String memberId, String reason, Caller caller) {
        notOwn(caller, memberId);
        return changes.onLatest(() -> find(memberId), m -> {
            adminForStaff(caller, m, "suspend");
            return changes.apply(m, m.suspension(caller.actor(), reason), null, (after, audit) -> List.of(
                    events.event("member.suspended", memberId, new MemberEvents.Suspended(memberId, audit.at())),
                    notify(after, "member-suspended", reason)));
        });
    }

    /**
     * Staff are reinstated by admins only, or a moderator could undo an admin's suspension. Back to active, or to
     * lapsed if the posting has ended (see {@link Membership#reinstatement}).
     */
    public MembershipChanges.Result reinstate(String memberId, String note, Caller caller) {
        notOwn(caller, memberId);
        return changes.onLatest(() -> find(memberId), m -> {
            adminForStaff(caller, m, "reinstate");
            return changes.apply(m, m.reinstatement(caller.actor(), note, LocalDate.now(clock)), null,
                    (after, audit) -> List.of(
                            events.event("member.reinstated", memberId, new MemberEvents.Reinstated(memberId,
                                    after.displayName(), sorted(after.roles()), "DECISION", audit.at())),
                            notify(after, "member-reinstated", null)));
        });
    }

    /**
     * Admins only (the controller checks the role); a revocation is taken whatever the membership's status. About
     * {@code admin} it is decided only once the membership has taken over what Keycloak gave before {@code admin} was
     * managed ({@link AdminAdoption}): otherwise revoking an admin made in Keycloak would find nothing to revoke. That
     * asks Keycloak once (503 while it cannot be asked) for a membership not adopted yet.
     */
    public MembershipChanges.Result changeRole(String memberId, String role, boolean grant, String note, Caller caller) {
        if (!Membership.GRANTABLE_ROLES.contains(role)) {
            throw Problems.invalidField("role", "must be one of " + sorted(Membership.GRANTABLE_ROLES));
        }
        notOwn(caller, memberId);
        String change = grant ? "GRANTED" : "REVOKED";
        return changes.onLatest(() -> forRole(role, find(memberId)), m -> m.roleChange(role, grant, caller.actor(), note)
                .map(roleChange -> changes.apply(m, roleChange, null, (after, audit) -> List.<OutboxEvent>of(
                        events.event("member.role-changed", memberId,
                                new MemberEvents.RoleChanged(memberId, role, change, sorted(after.roles()), audit.at())))))
                .orElseGet(() -> new MembershipChanges.Result(m, !m.accessSyncPending())));
    }

    private Membership forRole(String role, Membership m) {
        if (!Membership.ADMIN.equals(role) || !m.awaitsAdminAdoption()) {
            return m;
        }
        Membership adopted = adoption.adopt(m);
        if (adopted.awaitsAdminAdoption()) {
            throw Problems.conflict("Conflict", "The membership changed meanwhile; reload and try again.");
        }
        return adopted;
    }

    public Membership find(String memberId) {
        return store.byMemberId(memberId).filter(m -> m.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> Problems.notFound("Not found", "No membership with this id."));
    }

    /** A refusal rather than a conflict: it is about who asks, not about the membership's state. */
    private static void notOwn(Caller caller, String memberId) {
        if (caller.actor().id().equals(memberId)) {
            throw forbidden("Nobody decides about their own membership; another admin has to.");
        }
    }

    /**
     * Staff are those whose membership holds moderator, editor or admin, and anyone Keycloak gives one of these roles
     * (an admin made there before memberships recorded the role, or a role given there by hand). Keycloak is asked only
     * when the caller is no admin and the membership does not settle it; if it cannot be asked, the decision is refused
     * (503) rather than risked.
     */
    private void adminForStaff(Caller caller, Membership m, String action) {
        if (caller.admin()) {
            return;
        }
        if (m.isStaff() || keycloak.realmRoles(m.memberId()).stream().anyMatch(Membership.GRANTABLE_ROLES::contains)) {
            throw forbidden("Only admins " + action + " moderators, editors and admins.");
        }
    }

    private static ErrorResponseException forbidden(String detail) {
        return Problems.exception(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail));
    }

    private OutboxEvent notify(Membership m, String template, String message) {
        return events.notification(new MemberEvents.NotificationRequested(m.memberId(), m.email(), m.fullName(),
                m.language(), template, message, m.credentials().postingEndsOn()), m.memberId());
    }

    private static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }
}
