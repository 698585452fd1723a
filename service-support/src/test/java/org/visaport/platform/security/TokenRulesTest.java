package org.visaport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/visaport";
    private static final VisaportSecurityProperties PROPERTIES =
            new VisaportSecurityProperties(ISSUER, "visaport-api", Duration.ZERO, List.of(), List.of(), null);

    @Test
    void mapsKeycloakRealmRolesToSpringRoles() {
        Jwt jwt = token(ISSUER, List.of("visaport-api"), Instant.now().plusSeconds(60),
                Map.of("realm_access", Map.of("roles", List.of("member", "editor"))));

        assertThat(TokenRules.realmRoles(jwt)).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_member", "ROLE_editor");
    }

    @Test
    void grantsNoRoleWithoutRealmAccess() {
        assertThat(TokenRules.realmRoles(token(ISSUER, List.of("visaport-api"), Instant.now().plusSeconds(60), Map.of()))).isEmpty();
    }

    @Test
    void acceptsOnlyTheRightIssuerAudienceAndLifetime() {
        Instant later = Instant.now().plusSeconds(60);
        var validator = TokenRules.validator(PROPERTIES);

        assertThat(validator.validate(token(ISSUER, List.of("visaport-api", "account"), later, Map.of())).hasErrors()).isFalse();
        assertThat(validator.validate(token(ISSUER, List.of("account"), later, Map.of())).hasErrors()).isTrue();
        assertThat(validator.validate(token("http://127.0.0.1:8180/realms/master", List.of("visaport-api"), later, Map.of())).hasErrors()).isTrue();
        assertThat(validator.validate(token(ISSUER, List.of("visaport-api"), Instant.now().minusSeconds(5), Map.of())).hasErrors()).isTrue();
    }

    private static Jwt token(String issuer, List<String> audience, Instant expiresAt, Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).audience(audience)
                .subject("member-1").issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt);
        claims.forEach(builder::claim);
        return builder.build();
    }
}
