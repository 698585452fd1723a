package org.visaport.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's request limits: each call counts against the first rule whose methods and path match, per signed-in
 * member (token subject) or, for anonymous calls, per client address.
 *
 * @param store {@code memory} (one gateway instance) or {@code redis} (shared by all instances, via spring.data.redis)
 */
@ConfigurationProperties("visaport.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("memory") String store, List<Rule> rules) {

    public RateLimitProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * @param methods     the HTTP methods it applies to; empty for all
     * @param pattern     an Ant-style path pattern, e.g. {@code /api/comments/articles/&#42;/comments}
     * @param perMember   calls a signed-in member may make per window
     * @param perAddress  calls an anonymous client address may make per window
     */
    public record Rule(String name, Set<String> methods, String pattern, int perMember, int perAddress, Duration window) {

        public Rule {
            methods = methods == null ? Set.of() : Set.copyOf(methods);
            if (name == null || pattern == null || window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("visaport.gateway.rate-limits.rules need a name, a pattern and a window");
            }
        }
    }
}
