package org.visaport.identity.keycloak;

import java.time.Duration;
import java.time.Instant;

/** A Keycloak user as far as membership needs to know it. */
public record KeycloakUser(String id, long createdTimestamp) {

    /** Tolerates this much difference between Keycloak's clock and ours when matching a user to an application. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(30);

    /** Whether the user can have been created by an application that started at {@code applied}. */
    public boolean createdSince(Instant applied) {
        return createdTimestamp >= applied.minus(CLOCK_TOLERANCE).toEpochMilli();
    }
}
