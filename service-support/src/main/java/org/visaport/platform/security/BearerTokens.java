package org.visaport.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the {@code Authorization} header (RFC 6750: {@code Bearer} and a token68), read as Spring
 * Security's {@code ServerBearerTokenAuthenticationConverter} reads it with its defaults (no token in the query or a
 * form): no such header, or another scheme, is no token; a malformed one is an invalid token. It checks the characters
 * in one loop instead of a case-insensitive regular expression, which cost the gateway a twentieth of its CPU on
 * tokens of a kilobyte and more.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Mono.empty();
        }
        String token = token(authorization);
        if (token == null) {
            return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** The token after {@code Bearer }: one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}. */
    static String token(String authorization) {
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int end = start;
        while (end < authorization.length() && tokenCharacter(authorization.charAt(end))) {
            end++;
        }
        if (end == start) {
            return null;
        }
        while (end < authorization.length() && authorization.charAt(end) == '=') {
            end++;
        }
        return end == authorization.length() ? authorization.substring(start) : null;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
