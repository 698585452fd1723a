package org.visaport.identity.moderation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.visaport.identity.membership.Membership;

/**
 * A membership as moderators and admins see it. The accreditation number is shown in full to admins only;
 * moderators see its last characters, enough to match a document in front of them. {@code emailVerified} tells them
 * whether approval can go ahead: it answers 409 until the applicant has confirmed the address.
 */
public record ApplicationView(String memberId, String status, String email, String fullName, String displayName,
                              String countryCode, String mission, String position, String accreditationNumber,
                              String postingCity, LocalDate postingEndsOn, String language, String termsVersion,
                              Instant consentedAt, List<String> roles, String statusReason, Instant appliedAt,
                              Instant updatedAt, boolean emailVerified, boolean accessSynced) {

    static ApplicationView of(Membership m, boolean admin, boolean emailVerified, boolean accessSynced) {
        var c = m.credentials();
        return new ApplicationView(m.memberId(), m.status().name(), m.email(), m.fullName(), m.displayName(),
                c.countryCode(), c.mission(), c.position(), admin ? c.accreditationNumber() : mask(c.accreditationNumber()),
                c.postingCity(), c.postingEndsOn(), m.language(), m.consent().termsVersion(), m.consent().consentedAt(),
                m.roles().stream().sorted().toList(), m.statusReason(), m.appliedAt(), m.updatedAt(), emailVerified,
                accessSynced);
    }

    static String mask(String value) {
        if (value == null) {
            return null;
        }
        int shown = Math.min(4, value.length() / 3);
        return "•".repeat(value.length() - shown) + value.substring(value.length() - shown);
    }
}
