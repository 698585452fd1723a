package org.visaport.gateway.web;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * What the page may know of its session: whether someone is signed in, the name to greet them by and their roles. No
 * token, and never the e-mail address (personal data stays in identity-service).
 */
record WebSession(boolean signedIn, String displayName, List<String> roles) {

    static final WebSession SIGNED_OUT = new WebSession(false, null, List.of());

    static WebSession of(Object principal) {
        if (!(principal instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser user)) {
            return SIGNED_OUT;
        }
        List<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).sorted().toList();
        return new WebSession(true, displayName(user), roles);
    }

    private static String displayName(OidcUser user) {
        String full = user.getFullName();
        if (full != null && !full.isBlank()) {
            return full;
        }
        String given = user.getGivenName();
        return given != null && !given.isBlank() ? given : "Member";
    }
}
