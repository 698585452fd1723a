package org.visaport.identity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.security.TokenRules;
import org.visaport.platform.security.VisaportSecurityProperties;

/** The shared token rules, plus: a blocked member's token is refused here even before it expires. */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

    @Bean
    JwtDecoder jwtDecoder(VisaportSecurityProperties properties, MembershipStore store) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(TokenRules.validator(properties),
                new BlockedMemberValidator(store)));
        return decoder;
    }
}
