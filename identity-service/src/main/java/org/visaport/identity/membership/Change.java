package org.visaport.identity.membership;

import java.util.Set;

/**
 * A state change of a membership and the access it implies.
 *
 * @param action the audit verb, e.g. {@code approved}, {@code role-granted}
 */
public record Change(MembershipStatus to, Set<String> roles, boolean enabled, String action, Actor actor, String reason) {
}
