package org.visaport.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.visaport.platform.problem.ProblemBodies;
import org.visaport.platform.problem.Problems;

/**
 * Every servlet service is a resource server in its own right (defence in depth behind the gateway): public paths are
 * open, everything else needs a valid token; exact per-operation rules live in the services ({@code @PreAuthorize}).
 */
// Ahead of Boot's defaults, which back off once a SecurityFilterChain and a JwtDecoder exist.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(VisaportSecurityProperties.class)
@EnableMethodSecurity
public class ServletSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(VisaportSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(TokenRules.validator(properties));
        VerifiedTokens verified = new VerifiedTokens(TokenRules.validator(properties), properties.verifiedTokens());
        return token -> {
            Jwt known = verified.recall(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = decoder.decode(token);
            verified.remember(token, jwt);
            return jwt;
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain visaportSecurityFilterChain(HttpSecurity http, VisaportSecurityProperties properties) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(TokenRules::realmRoles);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    properties.rolePaths().forEach(rule -> requests.requestMatchers(rule.pattern()).hasAnyRole(rule.roleArray()));
                    requests.requestMatchers(properties.permittedPaths()).permitAll().anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint((request, response, e) -> write(request, response, Problems.unauthorized(), true))
                        .accessDeniedHandler((request, response, e) -> write(request, response, Problems.forbidden(), false)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> write(request, response, Problems.unauthorized(), true))
                        .accessDeniedHandler((request, response, e) -> write(request, response, Problems.forbidden(), false)))
                .build();
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                              boolean challenge) throws IOException {
        response.setStatus(problem.getStatus());
        if (challenge) {
            // RFC 6750: tell the client which scheme to use, without echoing why the token failed.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"visaport\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(ProblemBodies.json(problem, request.getRequestURI()));
    }
}
