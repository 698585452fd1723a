package org.visaport.identity.membership;

import java.util.Set;

/**
 * A decision about a membership and the access it implies; made by {@link Membership}'s rules, applied by
 * {@link MembershipChanges}.
 *
 * @param from   the statuses the decision may be taken in; in any other it is refused as a conflict
 * @param action the audit verb, e.g. {@code approved}, {@code role-granted:moderator}
 */
public record Change(Set<MembershipStatus> from, MembershipStatus to, Set<String> roles, boolean enabled, String action,
                     Actor actor, String reason) {

    public Change {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
    }

    public boolean allowedFrom(MembershipStatus status) {
        return from.contains(status);
    }
}
