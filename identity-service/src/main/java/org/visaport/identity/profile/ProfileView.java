package org.visaport.identity.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.visaport.identity.membership.Membership;

/** The member's own view: the only place besides admin views where the accreditation number appears. */
public record ProfileView(String memberId, String status, String email, String fullName, String displayName,
                          String language, String countryCode, String mission, String position,
                          String accreditationNumber, String postingCity, LocalDate postingEndsOn, List<String> roles,
                          Instant appliedAt) {

    static ProfileView of(Membership m) {
        var c = m.credentials();
        return new ProfileView(m.memberId(), m.status().name(), m.email(), m.fullName(), m.displayName(), m.language(),
                c.countryCode(), c.mission(), c.position(), c.accreditationNumber(), c.postingCity(), c.postingEndsOn(),
                m.roles().stream().sorted().toList(), m.appliedAt());
    }
}
