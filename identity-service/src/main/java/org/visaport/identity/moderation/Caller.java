package org.visaport.identity.moderation;

import org.visaport.identity.membership.Actor;

/**
 * Who asks for a decision, and whether with the {@code admin} role: only admins act on staff (moderators, editors,
 * admins), and nobody acts on their own membership.
 */
public record Caller(Actor actor, boolean admin) {
}
