package org.visaport.identity.moderation;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Change;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.membership.OutboxEntry;
import org.visaport.identity.web.BadRequestException;
import org.visaport.identity.web.ConflictException;
import org.visaport.identity.web.NotFoundException;

/** Moderators' and admins' decisions on applications and members. */
@Service
public class ModerationService {

    static final Set<String> GRANTABLE_ROLES = Set.of("moderator", "editor");
    private static final Set<MembershipStatus> UNDER_REVIEW =
            Set.of(MembershipStatus.PENDING_VERIFICATION, MembershipStatus.INFORMATION_REQUESTED);

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final MemberEventFactory events;
    private final KeycloakAdminClient keycloak;
    private final Clock clock;

    public ModerationService(MembershipStore store, MembershipChanges changes, MemberEventFactory events,
                             KeycloakAdminClient keycloak, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    /** Only once the applicant has shown control of the e-mail address: it is where every notice goes. */
    public MembershipChanges.Result approve(String memberId, String note, Actor actor) {
        Membership m = find(memberId);
        if (UNDER_REVIEW.contains(m.status()) && !keycloak.isEmailVerified(memberId)) {
            throw new ConflictException("The applicant has not confirmed the e-mail address yet.");
        }
        Set<String> roles = new HashSet<>(m.roles());
        roles.remove("applicant");
        roles.add("member");
        return changes.apply(m, UNDER_REVIEW, new Change(MembershipStatus.ACTIVE, roles, true, "approved", actor, note), null,
                (after, audit) -> List.of(
                        events.event("member.approved", memberId, new MemberEvents.Approved(memberId, after.displayName(),
                                sorted(after.roles()), audit.at()), audit),
                        notify(after, "application-approved", null)));
    }

    public MembershipChanges.Result reject(String memberId, String reason, Actor actor) {
        Membership m = find(memberId);
        return changes.apply(m, UNDER_REVIEW, new Change(MembershipStatus.REJECTED, m.roles(), false, "rejected", actor, reason),
                null, (after, audit) -> List.of(
                        events.event("member.rejected", memberId, new MemberEvents.Rejected(memberId, audit.at()), audit),
                        notify(after, "application-rejected", reason)));
    }

    public MembershipChanges.Result requestInformation(String memberId, String message, Actor actor) {
        Membership m = find(memberId);
        return changes.apply(m, Set.of(MembershipStatus.PENDING_VERIFICATION),
                new Change(MembershipStatus.INFORMATION_REQUESTED, m.roles(), true, "information-requested", actor, message),
                null, (after, audit) -> List.of(
                        events.event("member.information-requested", memberId,
                                new MemberEvents.InformationRequested(memberId, audit.at()), audit),
                        notify(after, "information-requested", message)));
    }

    /** Staff (moderators, editors) can only be suspended by an admin, so a moderator cannot silence another. */
    public MembershipChanges.Result suspend(String memberId, String reason, Actor actor, boolean actorIsAdmin) {
        Membership m = find(memberId);
        if (!actorIsAdmin && m.roles().stream().anyMatch(GRANTABLE_ROLES::contains)) {
            throw new AccessDeniedException("only admins suspend moderators and editors");
        }
        return changes.apply(m, Set.of(MembershipStatus.ACTIVE, MembershipStatus.LAPSED),
                new Change(MembershipStatus.SUSPENDED, m.roles(), false, "suspended", actor, reason), null,
                (after, audit) -> List.of(
                        events.event("member.suspended", memberId, new MemberEvents.Suspended(memberId, audit.at()), audit),
                        notify(after, "member-suspended", reason)));
    }

    public MembershipChanges.Result reinstate(String memberId, String note, Actor actor) {
        Membership m = find(memberId);
        return changes.apply(m, Set.of(MembershipStatus.SUSPENDED),
                new Change(MembershipStatus.ACTIVE, m.roles(), true, "reinstated", actor, note), null,
                (after, audit) -> List.of(
                        events.event("member.reinstated", memberId, new MemberEvents.Reinstated(memberId, after.displayName(),
                                sorted(after.roles()), "DECISION", audit.at()), audit),
                        notify(after, "member-reinstated", null)));
    }

    public MembershipChanges.Result changeRole(String memberId, String role, boolean grant, String note, Actor actor) {
        if (!GRANTABLE_ROLES.contains(role)) {
            throw new BadRequestException("role", "must be one of " + sorted(GRANTABLE_ROLES));
        }
        Membership m = find(memberId);
        Set<String> roles = new HashSet<>(m.roles());
        boolean changed = grant ? roles.add(role) : roles.remove(role);
        if (!changed && m.status() == MembershipStatus.ACTIVE) {
            return new MembershipChanges.Result(m, !m.accessSyncPending());
        }
        String change = grant ? "GRANTED" : "REVOKED";
        return changes.apply(m, Set.of(MembershipStatus.ACTIVE),
                new Change(MembershipStatus.ACTIVE, roles, true, grant ? "role-granted:" + role : "role-revoked:" + role,
                        actor, note), null,
                (after, audit) -> List.of(events.event("member.role-changed", memberId,
                        new MemberEvents.RoleChanged(memberId, role, change, sorted(after.roles()), clock.instant()), audit)));
    }

    public Membership find(String memberId) {
        return store.byMemberId(memberId).filter(m -> m.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> new NotFoundException("No membership with this id."));
    }

    private OutboxEntry notify(Membership m, String template, String message) {
        return events.notification(new MemberEvents.NotificationRequested(m.memberId(), m.email(), m.fullName(),
                m.language(), template, message, m.credentials().postingEndsOn()), m.memberId());
    }

    private static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }
}
