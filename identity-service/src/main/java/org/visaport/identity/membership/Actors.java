package org.visaport.identity.membership;

import org.springframework.security.oauth2.jwt.Jwt;

public final class Actors {

    private Actors() {
    }

    public static Actor of(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name);
    }
}
