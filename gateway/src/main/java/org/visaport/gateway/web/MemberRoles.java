package org.visaport.gateway.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.visaport.platform.security.TokenRules;
import reactor.core.publisher.Mono;

/**
 * Signs a browser's member in with the roles of the access token (realm roles, as for bearer calls), checked by the same
 * decoder: issuer, signature, expiry and the {@code visaport-api} audience.
 */
final class MemberRoles implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService users = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder tokens;

    MemberRoles(ReactiveJwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return users.loadUser(request).zipWith(tokens.decode(request.getAccessToken().getTokenValue()), (user, access) -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(TokenRules.realmRoles(access));
            return new DefaultOidcUser(List.copyOf(authorities), user.getIdToken(), user.getUserInfo(), "sub");
        });
    }
}
