package org.visaport.gateway.door;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.visaport.platform.problem.Problems;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends a call it does not pass on, or one whose service failed or timed out. */
@RestController
class Unavailable {

    static final String PATH = "/_gateway/unavailable";
    /** The path the client called, remembered before a route's circuit breaker forwards here. */
    static final String ASKED_PATH = Unavailable.class.getName() + ".askedPath";

    @RequestMapping(PATH)
    Mono<Void> unavailable(ServerWebExchange exchange) {
        // The client asked for the route's path, not for this forward target.
        String asked = exchange.getAttribute(ASKED_PATH);
        String instance = asked == null ? exchange.getRequest().getPath().value() : asked;
        return GatewayProblems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The service behind this route did not answer in time or cannot be reached. Retry later; a write retried with "
                        + "the same Idempotency-Key is applied once."), instance);
    }
}
