package org.visaport.identity.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Erasure;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.ratelimit.RateLimitProperties;
import org.visaport.platform.problem.Problems;
import org.visaport.platform.ratelimit.RateLimits;

/** A member's own data: read, change, and leave. */
@Service
public class ProfileService {

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final Erasure erasure;
    private final MemberEventFactory events;
    private final RateLimits rateLimits;
    private final RateLimitProperties limits;
    private final Clock clock;

    public ProfileService(MembershipStore store, MembershipChanges changes, Erasure erasure, MemberEventFactory events, RateLimits rateLimits,
                          RateLimitProperties limits, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.erasure = erasure;
        this.events = events;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.clock = clock;
    }

    public Membership get(String memberId) {
        return store.byMemberId(memberId).filter(m -> m.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> Problems.notFound("Not found", "You have no membership; apply first."));
    }

    /**
     * Sets the fields the patch names, and only those that differ: a patch that changes nothing writes nothing, so it
     * leaves no audit entry and publishes nothing. Every request counts against the member's edit limit.
     */
    public Membership update(String memberId, ProfileUpdate patch) {
        rateLimits.acquire("profile-edit:" + memberId, limits.profileEditsPerMember(), limits.profileEditWindow());
        return changes.onLatest(() -> get(memberId), m -> update(m, patch));
    }

    private Membership update(Membership m, ProfileUpdate patch) {
        String memberId = m.memberId();
        String displayName = patch.displayName() == null ? m.displayName() : patch.displayName().strip();
        String language = patch.language() == null ? m.language() : patch.language();
        String postingCity = patch.postingCity() == null ? m.credentials().postingCity() : patch.postingCity().strip();
        LocalDate postingEndsOn = patch.postingEndsOn() == null ? m.credentials().postingEndsOn() : patch.postingEndsOn();
        Update extra = new Update();
        List<String> changed = new ArrayList<>();
        setIfChanged(extra, changed, "displayName", "displayName", m.displayName(), displayName);
        setIfChanged(extra, changed, "language", "language", m.language(), language);
        setIfChanged(extra, changed, "postingCity", "credentials.postingCity", m.credentials().postingCity(), postingCity);
        setIfChanged(extra, changed, "postingEndsOn", "credentials.postingEndsOn", m.credentials().postingEndsOn(), postingEndsOn);
        Actor self = new Actor(memberId, "the member");
        if (m.renewedBy(patch.postingEndsOn(), LocalDate.now(clock))) {
            return changes.apply(m, m.postingRenewal(self), extra,
                    (after, audit) -> List.of(events.event("member.reinstated", memberId, new MemberEvents.Reinstated(
                            memberId, displayName, after.roles().stream().sorted().toList(), "POSTING_RENEWED", audit.at()))))
                    .membership();
        }
        if (changed.isEmpty()) {
            return m;
        }
        return changes.apply(m, m.profileUpdate(self, "changed: " + String.join(", ", changed)), extra,
                (after, audit) -> displayName.equals(m.displayName()) ? List.of() : List.of(events.event(
                        "member.profile-updated", memberId, new MemberEvents.ProfileUpdated(memberId, displayName, audit.at()))))
                .membership();
    }

    private static void setIfChanged(Update update, List<String> changed, String name, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            update.set(field, after);
            changed.add(name);
        }
    }

    /**
     * Erases the member: personal data leaves the document at once, the Keycloak user is deleted (now, or by the
     * reconciler if Keycloak is down), and member.deleted lets other services anonymise what the member wrote.
     */
    public void erase(String memberId) {
        changes.onLatest(() -> get(memberId),
                m -> erasure.erase(m, m.erasure(new Actor(memberId, "the member")), "account-deleted"));
    }
}
