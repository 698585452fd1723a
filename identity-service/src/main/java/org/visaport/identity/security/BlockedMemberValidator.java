package org.visaport.identity.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.visaport.identity.membership.MembershipStore;

/**
 * Refuses tokens of suspended, rejected or erased members at once in this service, which owns the membership; elsewhere
 * they stop within the access-token lifetime, since Keycloak no longer refreshes them.
 */
class BlockedMemberValidator implements OAuth2TokenValidator<Jwt> {

    private final MembershipStore store;

    BlockedMemberValidator(MembershipStore store) {
        this.store = store;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getSubject() != null && store.isBlocked(token.getSubject())) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "membership suspended or ended", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
