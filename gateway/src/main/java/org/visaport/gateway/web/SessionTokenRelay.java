package org.visaport.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An API call from a signed-in browser carries the session's access token on as a bearer token (refreshed when it is
 * about to expire), so from here on it is checked, limited and routed exactly like a mobile client's call, and the
 * service gets {@code Authorization: Bearer}. A session whose tokens cannot be refreshed calls anonymously (and gets
 * 401 where a member is needed).
 */
final class SessionTokenRelay implements WebFilter {

    private final ReactiveOAuth2AuthorizedClientManager clients;

    SessionTokenRelay(ReactiveOAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .flatMap(signedIn -> clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(LazyClientRegistrations.REGISTRATION_ID)
                                .principal(signedIn)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .onErrorResume(failed -> Mono.empty()))
                .map(OAuth2AuthorizedClient::getAccessToken)
                .map(token -> exchange.mutate().request(request -> request.headers(headers ->
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue()))).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }
}
