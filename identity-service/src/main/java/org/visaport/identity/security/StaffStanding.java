package org.visaport.identity.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;

/**
 * Staff powers here follow the membership at once, not only once the token expires: a caller who has a membership
 * needs it {@code ACTIVE} to act as staff, and needs it still to hold the staff role used ({@code moderator} or
 * {@code admin}; an access token lives up to five minutes after a revocation, lapse or suspension). On a membership that
 * has not yet adopted {@code admin} from Keycloak ({@link Membership#awaitsAdminAdoption()}) the token's word on
 * {@code admin} still counts, as Keycloak alone knows. Staff accounts without a membership (made in Keycloak, such as
 * the local demo users) are judged by their token. Used in {@code @PreAuthorize} as
 * {@code @staffStanding.moderates(authentication)} and {@code @staffStanding.administers(authentication)}; as
 * {@link BlockedMemberValidator} does for sign-in, this closes the gap in this service, while the other services go by
 * the token until it expires.
 */
@Component("staffStanding")
public class StaffStanding {

    private final MembershipStore store;

    StaffStanding(MembershipStore store) {
        this.store = store;
    }

    /** May moderate: holds {@code moderator} or {@code admin}, both in the token and, if any, on an active membership. */
    public boolean moderates(Authentication authentication) {
        Set<String> roles = staffRoles(authentication);
        return roles.contains("moderator") || roles.contains(Membership.ADMIN);
    }

    /** May act as an admin: holds {@code admin} in the token and, if any, on an active membership. */
    public boolean administers(Authentication authentication) {
        return staffRoles(authentication).contains(Membership.ADMIN);
    }

    /** The staff roles the caller may use here: the token's, as far as the caller's membership still stands behind them. */
    Set<String> staffRoles(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Set.of();
        }
        Set<String> claimed = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_") && Membership.GRANTABLE_ROLES.contains(name.substring(5))) {
                claimed.add(name.substring(5));
            }
        }
        if (claimed.isEmpty()) {
            return Set.of();
        }
        Optional<Membership> own = store.byMemberId(jwt.getSubject());
        if (own.isEmpty()) {
            return claimed;
        }
        Membership m = own.get();
        if (m.status() != MembershipStatus.ACTIVE) {
            return Set.of();
        }
        Set<String> standing = new HashSet<>(m.roles());
        if (m.awaitsAdminAdoption()) {
            standing.add(Membership.ADMIN);
        }
        claimed.retainAll(standing);
        return claimed;
    }
}
