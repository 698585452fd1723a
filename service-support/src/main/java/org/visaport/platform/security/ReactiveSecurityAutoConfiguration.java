package org.visaport.platform.security;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.visaport.platform.problem.ProblemBodies;
import org.visaport.platform.problem.Problems;
import reactor.core.publisher.Mono;

/** The same token rules and problem responses for the reactive gateway. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(VisaportSecurityProperties.class)
@EnableWebFluxSecurity
public class ReactiveSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder reactiveJwtDecoder(VisaportSecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(TokenRules.validator(properties));
        VerifiedTokens verified = new VerifiedTokens(TokenRules.validator(properties), properties.verifiedTokens());
        return token -> {
            Jwt known = verified.recall(token);
            return known != null ? Mono.just(known) : decoder.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        return HeaderFirewall.strict();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain visaportSecurityWebFilterChain(ServerHttpSecurity http, VisaportSecurityProperties properties) {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(TokenRules::realmRoles);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Stateless: every call brings its token. The defaults would look up a web session on each call to find a
                // saved request or security context, and the in-memory session store makes that lookup hop threads twice.
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> {
                    properties.rolePaths().forEach(rule -> exchanges.matchers(AnyPath.of(List.of(rule.pattern()))).hasAnyRole(rule.roleArray()));
                    exchanges.matchers(AnyPath.of(List.of(properties.permittedPaths()))).permitAll().anyExchange().authenticated();
                })
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // JSON needs none of it; pages (Swagger UI, the web client) load only their own files.
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles)))
                        .authenticationEntryPoint((exchange, e) -> write(exchange, Problems.unauthorized(), true))
                        .accessDeniedHandler((exchange, e) -> write(exchange, Problems.forbidden(), false)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> write(exchange, Problems.unauthorized(), true))
                        .accessDeniedHandler((exchange, e) -> write(exchange, Problems.forbidden(), false)))
                .build();
    }

    private static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, boolean challenge) {
        var response = exchange.getResponse();
        response.setRawStatusCode(problem.getStatus());
        if (challenge) {
            response.getHeaders().set("WWW-Authenticate", "Bearer realm=\"visaport\"");
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(ProblemBodies.json(problem, exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.just(body));
    }
}
