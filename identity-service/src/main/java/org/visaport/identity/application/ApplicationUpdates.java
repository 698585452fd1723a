package org.visaport.identity.application;

import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.ratelimit.RateLimitProperties;
import org.visaport.platform.problem.Problems;
import org.visaport.platform.ratelimit.RateLimits;

/**
 * An applicant corrects the submitted credentials; an application waiting for information goes back to review. A
 * correction that changes nothing, adds no note and finds the application already under verification writes nothing.
 */
@Service
public class ApplicationUpdates {

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final RateLimits rateLimits;
    private final RateLimitProperties limits;

    public ApplicationUpdates(MembershipStore store, MembershipChanges changes, RateLimits rateLimits,
                              RateLimitProperties limits) {
        this.store = store;
        this.changes = changes;
        this.rateLimits = rateLimits;
        this.limits = limits;
    }

    public Membership update(String memberId, ApplicationUpdate patch) {
        rateLimits.acquire("application-edit:" + memberId, limits.profileEditsPerMember(), limits.profileEditWindow());
        return changes.onLatest(() -> find(memberId), m -> update(m, patch));
    }

    private Membership find(String memberId) {
        return store.byMemberId(memberId).filter(found -> found.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> Problems.notFound("Not found", "You have no application."));
    }

    private Membership update(Membership m, ApplicationUpdate patch) {
        if (!m.isUnderReview()) {
            throw Problems.conflict("Conflict", "Only an application under review can be changed.");
        }
        Credentials c = m.credentials();
        Credentials changed = new Credentials(
                patch.countryCode() == null ? c.countryCode() : patch.countryCode(),
                patch.mission() == null ? c.mission() : patch.mission().strip(),
                patch.position() == null ? c.position() : patch.position().strip(),
                patch.accreditationNumber() == null ? c.accreditationNumber() : patch.accreditationNumber().strip(),
                patch.postingCity() == null ? c.postingCity() : patch.postingCity().strip(),
                patch.postingEndsOn() == null ? c.postingEndsOn() : patch.postingEndsOn());
        if (changed.equals(c) && patch.note() == null && m.status() == MembershipStatus.PENDING_VERIFICATION) {
            return m;
        }
        Update extra = changed.equals(c) ? null : new Update().set("credentials", changed);
        return changes.apply(m, m.correction(new Actor(m.memberId(), "the applicant"), patch.note()), extra,
                (after, audit) -> List.of()).membership();
    }
}
