package org.visaport.identity.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.problem.Problems;

/** A member's own data: read, change, and leave. */
@Service
public class ProfileService {

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final MemberEventFactory events;
    private final Clock clock;

    public ProfileService(MembershipStore store, MembershipChanges changes, MemberEventFactory events, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    public Membership get(String memberId) {
        return store.byMemberId(memberId).filter(m -> m.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> Problems.notFound("Not found", "You have no membership; apply first."));
    }

    public Membership update(String memberId, ProfileUpdate patch) {
        Membership m = get(memberId);
        String displayName = patch.displayName() == null ? m.displayName() : patch.displayName().strip();
        Update extra = new Update().set("displayName", displayName)
                .set("language", patch.language() == null ? m.language() : patch.language())
                .set("credentials", m.credentials().withPosting(
                        patch.postingCity() == null ? m.credentials().postingCity() : patch.postingCity().strip(),
                        patch.postingEndsOn() == null ? m.credentials().postingEndsOn() : patch.postingEndsOn()));
        Actor self = new Actor(memberId, "the member");
        if (m.renewedBy(patch.postingEndsOn(), LocalDate.now(clock))) {
            return changes.apply(m, m.postingRenewal(self), extra,
                    (after, audit) -> List.of(events.event("member.reinstated", memberId, new MemberEvents.Reinstated(
                            memberId, displayName, after.roles().stream().sorted().toList(), "POSTING_RENEWED", audit.at()))))
                    .membership();
        }
        return changes.apply(m, m.profileUpdate(self), extra,
                (after, audit) -> displayName.equals(m.displayName()) ? List.of() : List.of(events.event(
                        "member.profile-updated", memberId, new MemberEvents.ProfileUpdated(memberId, displayName, audit.at()))))
                .membership();
    }

    /**
     * Erases the member: personal data leaves the document at once, the Keycloak user is deleted (now, or by the
     * reconciler if Keycloak is down), and member.deleted lets other services anonymise what the member wrote.
     */
    public void erase(String memberId) {
        Membership m = get(memberId);
        Update extra = new Update().set("email", "erased:" + m.id()).set("fullName", null).set("displayName", null)
                .set("language", null).set("credentials", null).set("consent", null);
        changes.apply(m, m.erasure(new Actor(memberId, "the member")), extra,
                (after, audit) -> List.of(
                        events.event("member.deleted", memberId, new MemberEvents.Deleted(memberId, audit.at())),
                        events.notification(new MemberEvents.NotificationRequested(memberId, m.email(), m.fullName(),
                                m.language(), "account-deleted", null, null), memberId)));
    }
}
