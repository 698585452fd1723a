package org.visaport.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The web client's welcome page at {@code /} and what it asks of its session, {@code GET /web/session}. */
@Configuration(proxyBeanMethods = false)
class WebPages {

    @Bean
    RouterFunction<ServerResponse> webClientPages() {
        var index = new ClassPathResource("static/index.html");
        return route(GET("/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index))
                .andRoute(GET("/web/session"), request -> request.principal()
                        .map(WebSession::of)
                        .defaultIfEmpty(WebSession.SIGNED_OUT)
                        .flatMap(session -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.noStore()).bodyValue(session)));
    }
}
