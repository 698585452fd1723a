package org.visaport.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.visaport.gateway.door.GatewayProblems;
import org.visaport.platform.security.AnyPath;
import reactor.core.publisher.Mono;

/**
 * The gateway as backend-for-frontend for browsers (OAuth 2.0 for Browser-Based Apps, BFF): it signs the browser in
 * with the authorization code flow and PKCE as the confidential client {@code visaport-bff}, keeps the tokens in the
 * server-side session, and gives the browser only an HttpOnly session cookie and a CSRF cookie.
 *
 * <p>Its chain runs as a filter of its own ahead of Spring Security's, which keeps service-support's bearer-token chain
 * as it is for every request: it handles the browser's paths (the page, {@code /web/**}, sign-in and sign-out) and API
 * calls that carry the session cookie and no {@code Authorization} header. Those API calls need the CSRF header when
 * they change something, and go on with the session's access token as a bearer token ({@link SessionTokenRelay}), so
 * the bearer chain checks them like any mobile call. Calls with a bearer token never touch the session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebClientProperties.class, SessionProperties.class})
class BrowserSecurity {

    /** The header a page sends the CSRF token in, copied from the readable {@code XSRF-TOKEN} cookie. */
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String SESSION_COOKIE = "SESSION";

    /** Just before Spring Security's own filter (order -100). */
    private static final int ORDER = -101;

    @Bean
    ReactiveClientRegistrationRepository browserClientRegistrations(@Value("${visaport.security.issuer-uri}") String issuer,
            WebClientProperties client) {
        return new LazyClientRegistrations(issuer, client);
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository browserAuthorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager browserAuthorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> browserMembers(ReactiveJwtDecoder tokens) {
        return new MemberRoles(tokens);
    }

    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        return new SessionCookies();
    }

    @Bean
    @Order(ORDER)
    WebFilter browserSecurityFilter(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
            ReactiveOAuth2AuthorizedClientManager authorizedClientManager, ServerWebExchangeFirewall firewall,
            @Value("${visaport.security.issuer-uri}") String issuer) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        signedOut.setLogoutSuccessUrl(URI.create("/"));
        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));

        ServerWebExchangeMatcher browserRequests = browserRequests();
        SecurityWebFilterChain chain = http
                .securityMatcher(browserRequests)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Each path is open here: the page tells signed-in from signed-out, and API calls are decided by the
                // bearer chain once the session's token is on them.
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?signin=failed")))
                .logout(logout -> logout
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signedOut))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        // The raw token from the cookie, in the X-XSRF-TOKEN header or a form's _csrf field.
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> GatewayProblems.write(exchange, GatewayProblems.of(403,
                                "A change from the browser needs the CSRF token (the XSRF-TOKEN cookie's value in the " + CSRF_HEADER + " header)."))))
                .exceptionHandling(errors -> errors.accessDeniedHandler((exchange, denied) ->
                        GatewayProblems.write(exchange, GatewayProblems.of(403, "This is not allowed for this session."))))
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer))))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new SessionTokenRelay(authorizedClientManager), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
        var browserChain = new WebFilterChainProxy(chain);
        browserChain.setFirewall(firewall);
        // Calls with a bearer token, the most of them, go straight on to the bearer chain and its firewall: through this
        // proxy they would be wrapped by a second firewall, which checks every header again each time it is read.
        return (exchange, next) -> browserRequests.matches(exchange)
                .flatMap(match -> match.isMatch() ? browserChain.filter(exchange, next) : next.filter(exchange));
    }

    /** Only the page's own files: no inline script or style, no frames; forms post here, and sign-out goes on to Keycloak. */
    static String contentSecurityPolicy(String issuer) {
        URI keycloak = URI.create(issuer);
        String origin = keycloak.getScheme() + "://" + keycloak.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + origin;
    }

    /** The page's paths, and API calls with the session cookie and no {@code Authorization} header. */
    private static ServerWebExchangeMatcher browserRequests() {
        AnyPath pages = AnyPath.of(Stream.concat(WebPages.PAGES.stream(), Stream.of("/web/**", "/oauth2/**", "/login/**", "/logout", "/favicon.ico")).toList());
        AnyPath api = AnyPath.of(List.of("/api/**"));
        return exchange -> {
            var request = exchange.getRequest();
            var path = request.getPath().pathWithinApplication();
            boolean matches = pages.matches(path) || (api.matches(path) && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    && request.getCookies().containsKey(SESSION_COOKIE));
            return matches ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** The CSRF token is made lazily; subscribing here sets the XSRF-TOKEN cookie for the page to read. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
        };
    }

}
