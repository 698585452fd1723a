package org.visaport.identity.membership;

import org.springframework.security.oauth2.jwt.Jwt;

public final class Actors {

    private Actors() {
    }

    /**
     * The person behind a token, by name. Never by {@code preferred_username}: the realm uses the e-mail address as the
     * user name, and addresses stay out of the audit trail.
     */
    public static Actor of(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return new Actor(jwt.getSubject(), name == null || name.isBlank() ? jwt.getSubject() : name);
    }
}
