package org.visaport.identity.membership;

/** Who made a change: a moderator, an admin, the member themselves, or a scheduled job. */
public record Actor(String id, String name) {

    public static final Actor SYSTEM = new Actor("system", "identity-service");
}
