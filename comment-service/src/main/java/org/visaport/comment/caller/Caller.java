package org.visaport.comment.caller;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the token: the member id ({@code sub}), the name to show ({@code name}, which members cannot
 * change in Keycloak; never {@code preferred_username} or {@code email}, which are e-mail addresses) and the roles.
 */
public record Caller(String memberId, String tokenName, Set<String> roles) {

    public static Caller of(JwtAuthenticationToken token) {
        return new Caller(token.getToken().getSubject(), token.getToken().getClaimAsString("name"),
                token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith("ROLE_"))
                        .map(authority -> authority.substring("ROLE_".length()))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isModerator() {
        return roles.contains("moderator") || roles.contains("admin");
    }
}
