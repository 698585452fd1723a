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
import org.visaport.platform.problem.Problems;

/** An applicant corrects the submitted credentials; an application waiting for information goes back to review. */
@Service
public class ApplicationUpdates {

    private final MembershipStore store;
    private final MembershipChanges changes;

    public ApplicationUpdates(MembershipStore store, MembershipChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    public Membership update(String memberId, ApplicationUpdate patch) {
        Membership m = store.byMemberId(memberId).filter(found -> found.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> Problems.notFound("Not found", "You have no application."));
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
        return changes.apply(m, m.correction(new Actor(memberId, "the applicant"), patch.note()),
                new Update().set("credentials", changed), (after, audit) -> List.of())
                .membership();
    }
}
