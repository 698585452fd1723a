package org.visaport.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web client's pages and what they ask of their session, {@code GET /web/session}. Every page is the same
 * {@code index.html}, which loads the page's module for the address: the addresses stay real (shared, bookmarked,
 * reloaded), and no page's HTML ever holds an article's text, a title or a meta tag from the APIs.
 */
@Configuration(proxyBeanMethods = false)
class WebPages {

    /** The addresses of the pages; the security rules and the door's public paths name the same ones. */
    static final List<String> PAGES = List.of("/", "/signup", "/news/**", "/notifications/**", "/profile",
            "/moderation/**", "/newsroom/**");

    @Bean
    RouterFunction<ServerResponse> webClientPages(ResourceLoader resources,
            @Value("${spring.web.resources.static-locations:classpath:/static/}") String[] staticLocations) {
        Resource index = resources.getResource(staticLocations[0] + (staticLocations[0].endsWith("/") ? "" : "/") + "index.html");
        RequestPredicate anyPage = PAGES.stream().map(path -> GET(path)).reduce(RequestPredicate::or).orElseThrow();
        return route(anyPage, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index))
                .andRoute(GET("/web/session"), request -> request.principal()
                        .map(WebSession::of)
                        .defaultIfEmpty(WebSession.SIGNED_OUT)
                        .flatMap(session -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.noStore()).bodyValue(session)));
    }
}
