package org.visaport.identity.moderation;

import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.problem.Problems;

/** Moderators' and admins' decisions on applications and members; the rules themselves are {@link Membership}'s. */
@Service
public class ModerationService {

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final MemberEventFactory events;
    private final KeycloakAdminClient keycloak;

    public ModerationService(MembershipStore store, MembershipChanges changes, MemberEventFactory events,
                             KeycloakAdminClient keycloak) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.keycloak = keycloak;
    }

    /** Only once the applicant has shown control of the e-mail address: it is where every notice goes. */
    public MembershipChanges.Result approve(String memberId, String note, Actor actor) {
        Membership m = find(memberId);
        if (m.isUnderReview() && !keycloak.isEmailVerified(memberId)) {
            throw Problems.conflict("Conflict", "The applicant has not confirmed the e-mail address yet.");
        }
        return changes.apply(m, m.approval(actor, note), null,
                (after, audit) -> List.of(
                        events.event("member.approved", memberId, new MemberEvents.Approved(memberId, after.displayName(),
                                sorted(after.roles()), audit.at())),
                        notify(after, "application-approved", null)));
    }

    public MembershipChanges.Result reject(String memberId, String reason, Actor actor) {
        Membership m = find(memberId);
        return changes.apply(m, m.rejection(actor, reason), null, (after, audit) -> List.of(
                events.event("member.rejected", memberId, new MemberEvents.Rejected(memberId, audit.at())),
                notify(after, "application-rejected", reason)));
    }

    public MembershipChanges.Result requestInformation(String memberId, String message, Actor actor) {
        Membership m = find(memberId);
        return changes.apply(m, m.informationRequest(actor, message), null, (after, audit) -> List.of(
                events.event("member.information-requested", memberId,
                        new MemberEvents.InformationRequested(memberId, audit.at())),
                notify(after, "information-requested", message)));
    }

    /** Staff (moderators, editors) can only be suspended by an admin, so a moderator cannot silence another. */
    public MembershipChanges.Result suspend(String memberId, String reason, Actor actor, boolean actorIsAdmin) {
        Membership m = find(memberId);
        if (!actorIsAdmin && m.isStaff()) {
            throw new AccessDeniedException("only admins suspend moderators and editors");
        }
        return changes.apply(m, m.suspension(actor, reason), null, (after, audit) -> List.of(
                events.event("member.suspended", memberId, new MemberEvents.Suspended(memberId, audit.at())),
                notify(after, "member-suspended", reason)));
    }

    public MembershipChanges.Result reinstate(String memberId, String note, Actor actor) {
        Membership m = find(memberId);
        return changes.apply(m, m.reinstatement(actor, note), null, (after, audit) -> List.of(
                events.event("member.reinstated", memberId, new MemberEvents.Reinstated(memberId, after.displayName(),
                        sorted(after.roles()), "DECISION", audit.at())),
                notify(after, "member-reinstated", null)));
    }

    public MembershipChanges.Result changeRole(String memberId, String role, boolean grant, String note, Actor actor) {
        if (!Membership.GRANTABLE_ROLES.contains(role)) {
            throw Problems.invalidField("role", "must be one of " + sorted(Membership.GRANTABLE_ROLES));
        }
        Membership m = find(memberId);
        String change = grant ? "GRANTED" : "REVOKED";
        return m.roleChange(role, grant, actor, note)
                .map(roleChange -> changes.apply(m, roleChange, null, (after, audit) -> List.<OutboxEvent>of(
                        events.event("member.role-changed", memberId,
                                new MemberEvents.RoleChanged(memberId, role, change, sorted(after.roles()), audit.at())))))
                .orElseGet(() -> new MembershipChanges.Result(m, !m.accessSyncPending()));
    }

    public Membership find(String memberId) {
        return store.byMemberId(memberId).filter(m -> m.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> Problems.notFound("Not found", "No membership with this id."));
    }

    private OutboxEvent notify(Membership m, String template, String message) {
        return events.notification(new MemberEvents.NotificationRequested(m.memberId(), m.email(), m.fullName(),
                m.language(), template, message, m.credentials().postingEndsOn()), m.memberId());
    }

    private static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }
}
