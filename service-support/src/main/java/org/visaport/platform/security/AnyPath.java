package org.visaport.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Whether a request's path (within the application) matches one of a few patterns, for any method: what Spring
 * Security's {@code pathMatchers(...)} decides, without its cost. Those compose one matcher per pattern, and each renders
 * a debug line for every pattern it tries even when debug logging is off (commons-logging's SLF4J bridge formats the
 * message before it asks the level), on every call.
 */
public final class AnyPath implements ServerWebExchangeMatcher {

    private final List<PathPattern> patterns;

    private AnyPath(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    public static AnyPath of(Collection<String> patterns) {
        return new AnyPath(patterns.stream().map(PathPatternParser.defaultInstance::parse).toList());
    }

    public boolean matches(PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest().getPath().pathWithinApplication()) ? MatchResult.match() : MatchResult.notMatch();
    }

    @Override
    public String toString() {
        return "AnyPath" + patterns;
    }
}
