package org.visaport.identity.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;

/**
 * Staff powers here follow the membership at once, not only once the token expires: a caller who has a membership
 * needs it {@code ACTIVE} to act as staff, and a moderator needs it still to hold {@code moderator} (an access token
 * lives up to five minutes after a revocation, lapse or suspension). Staff accounts without a membership (made in
 * Keycloak, such as the local demo users) are judged by their token. Used in {@code @PreAuthorize} as
 * {@code @staffStanding.active(authentication)}; as {@link BlockedMemberValidator} does for sign-in, this closes the
 * gap in this service, while the other services go by the token until it expires.
 */
@Component("staffStanding")
public class StaffStanding {

    private final MembershipStore store;

    StaffStanding(MembershipStore store) {
        this.store = store;
    }

    public boolean active(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return false;
        }
        Optional<Membership> own = store.byMemberId(jwt.getSubject());
        if (own.isEmpty()) {
            return true;
        }
        if (own.get().status() != MembershipStatus.ACTIVE) {
            return false;
        }
        // admin lives in Keycloak only: the membership cannot say more about it than the token does.
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_admin".equals(a.getAuthority()));
        return admin || own.get().roles().contains("moderator");
    }
}
