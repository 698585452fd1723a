package org.visaport.gateway.web;

import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The browser's session cookie: {@code HttpOnly}, {@code SameSite=Lax} (the sign-in comes back from Keycloak as a
 * top-level GET), path {@code /}, and {@code Secure} when the request came over https.
 */
final class SessionCookies extends CookieWebSessionIdResolver {

    SessionCookies() {
        addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").path("/"));
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        super.setSessionId(exchange, id);
        secureOverHttps(exchange);
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        super.expireSession(exchange);
        secureOverHttps(exchange);
    }

    private void secureOverHttps(ServerWebExchange exchange) {
        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst(getCookieName());
        if (cookie != null && "https".equals(exchange.getRequest().getURI().getScheme())) {
            exchange.getResponse().getCookies().set(getCookieName(), cookie.mutate().secure(true).build());
        }
    }
}
