package org.visaport.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.visaport.gateway.ClientAddresses;
import org.visaport.gateway.door.GatewayProblems;
import org.visaport.platform.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * Counts every routed call against its rule, per member or per client address, and refuses calls over the limit with
 * a 429 problem, {@code Retry-After} and the {@code RateLimit-*} headers (which every counted answer carries). If the
 * shared store cannot be reached, calls pass: an outage of the limiter must not become an outage of VisaPort.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    /** A limiter that does not answer quickly is treated as down: the call must not wait for it. */
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);

    private final RateLimitProperties properties;
    private final Counters counters;
    private final ClientAddresses addresses;
    private final Clock clock;
    private final AntPathMatcher paths = new AntPathMatcher();

    RateLimitFilter(RateLimitProperties properties, Counters counters, ClientAddresses addresses, Clock clock) {
        this.properties = properties;
        this.counters = counters;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var rule = properties.rules().stream().filter(candidate -> matches(candidate, exchange)).findFirst();
        if (rule.isEmpty()) {
            return chain.filter(exchange);
        }
        RateLimitProperties.Rule limit = rule.get();
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(member -> new Caller("member:" + member.getName(), limit.perMember()))
                .defaultIfEmpty(new Caller("address:" + addresses.clientOf(exchange), limit.perAddress()))
                .flatMap(caller -> {
                    Instant now = clock.instant();
                    return counters.increment(limit.name() + ":" + caller.key(), limit.window(), now)
                            .timeout(STORE_TIMEOUT)
                            .map(java.util.Optional::of)
                            .onErrorResume(failure -> {
                                log.warn("Rate limit store unavailable, letting the call through: {}", failure.toString());
                                return Mono.just(java.util.Optional.empty());
                            })
                            .defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(count -> count.isPresent() ? decide(exchange, chain, caller.allowed(), count.get(), now)
                                    : chain.filter(exchange));
                });
    }

    private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, int allowed, Counters.Count count, Instant now) {
        long resetSeconds = Math.max(1, Duration.between(now, count.resetsAt()).toSeconds());
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(allowed));
        headers.set("RateLimit-Remaining", Long.toString(Math.max(0, allowed - count.count())));
        headers.set("RateLimit-Reset", Long.toString(resetSeconds));
        if (count.count() <= allowed) {
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(resetSeconds));
        return GatewayProblems.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "More than " + allowed + " such calls in this window; try again in " + resetSeconds + " s."));
    }

    private boolean matches(RateLimitProperties.Rule rule, ServerWebExchange exchange) {
        return (rule.methods().isEmpty() || rule.methods().contains(exchange.getRequest().getMethod().name()))
                && paths.match(rule.pattern(), exchange.getRequest().getPath().value());
    }

    private record Caller(String key, int allowed) {
    }

    /** After the token check (the member is known) and before the call is routed. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
