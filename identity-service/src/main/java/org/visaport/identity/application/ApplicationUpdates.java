package org.visaport.identity.application;

import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Change;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.web.ConflictException;
import org.visaport.identity.web.NotFoundException;

/** An applicant corrects the submitted credentials; an application waiting for information goes back to review. */
@Service
public class ApplicationUpdates {

    private static final Set<MembershipStatus> UNDER_REVIEW =
            Set.of(MembershipStatus.PENDING_VERIFICATION, MembershipStatus.INFORMATION_REQUESTED);

    private final MembershipStore store;
    private final MembershipChanges changes;

    public ApplicationUpdates(MembershipStore store, MembershipChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    public Membership update(String memberId, ApplicationUpdate patch) {
        Membership m = store.byMemberId(memberId).filter(found -> found.status() != MembershipStatus.PROVISIONING)
                .orElseThrow(() -> new NotFoundException("You have no application."));
        if (!UNDER_REVIEW.contains(m.status())) {
            throw new ConflictException("Only an application under review can be changed.");
        }
        Credentials c = m.credentials();
        Credentials changed = new Credentials(
                patch.countryCode() == null ? c.countryCode() : patch.countryCode(),
                patch.mission() == null ? c.mission() : patch.mission().strip(),
                patch.position() == null ? c.position() : patch.position().strip(),
                patch.accreditationNumber() == null ? c.accreditationNumber() : patch.accreditationNumber().strip(),
                patch.postingCity() == null ? c.postingCity() : patch.postingCity().strip(),
                patch.postingEndsOn() == null ? c.postingEndsOn() : patch.postingEndsOn());
        return changes.apply(m, UNDER_REVIEW, new Change(MembershipStatus.PENDING_VERIFICATION, m.roles(), m.enabled(),
                        "application-updated", new Actor(memberId, "the applicant"), patch.note()),
                new Update().set("credentials", changed), (after, audit) -> List.of())
                .membership();
    }
}
