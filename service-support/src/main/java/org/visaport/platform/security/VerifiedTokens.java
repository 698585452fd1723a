package org.visaport.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature was verified, so the next call with the same token skips the RSA check and the parsing:
 * clients send one token with every call for its five minutes, and verifying it each time was a tenth of the
 * gateway's CPU. A remembered token is checked again against the token rules (expiry with its skew, issuer,
 * audience) on every use, so it is refused the moment it expires. Bounded: past {@code capacity} tokens, the expired
 * ones go, and if that is not enough, all of them (a miss only costs a verification).
 */
public final class VerifiedTokens {

    private final OAuth2TokenValidator<Jwt> rules;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(OAuth2TokenValidator<Jwt> rules, int capacity) {
        this.rules = rules;
        this.capacity = capacity;
    }

    /** The token's verified form if it was verified before and still passes the rules; null otherwise. */
    public Jwt recall(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            return null;
        }
        if (rules.validate(jwt).hasErrors()) {
            verified.remove(token);
            return null;
        }
        return jwt;
    }

    public void remember(String token, Jwt jwt) {
        if (verified.size() >= capacity) {
            verified.values().removeIf(known -> rules.validate(known).hasErrors());
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    int size() {
        return verified.size();
    }
}
