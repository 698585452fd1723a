package org.visaport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

class AnyPathTest {

    private static final List<String> PATTERNS = List.of("/", "/news/**", "/api/admin/news/**", "/profile", "/actuator/health/**");

    @Test
    void aPathMatchesWhenOneOfThePatternsDoesWhateverTheMethod() {
        AnyPath paths = AnyPath.of(PATTERNS);

        assertThat(matches(paths, MockServerHttpRequest.get("/news/a-briefing"))).isTrue();
        assertThat(matches(paths, MockServerHttpRequest.post("/api/admin/news/articles/1/publish"))).isTrue();
        assertThat(matches(paths, MockServerHttpRequest.get("/api/news/articles"))).isFalse();
        assertThat(matches(paths, MockServerHttpRequest.get("/profile/other"))).isFalse();
    }

    @Test
    void itDecidesAsSpringSecuritysPathMatchers() {
        ServerWebExchangeMatcher springSecurity = ServerWebExchangeMatchers.pathMatchers(PATTERNS.toArray(String[]::new));
        for (String path : List.of("/", "/news", "/news/", "/news/x/y", "/newsroom", "/api/admin/news", "/api/admin/newsx", "/profile",
                "/profile/", "/actuator/health", "/actuator/health/liveness", "/actuator/healthz", "//news/x", "/news/%2e%2e/x")) {
            assertThat(matches(AnyPath.of(PATTERNS), MockServerHttpRequest.get(path))).as(path)
                    .isEqualTo(matches(springSecurity, MockServerHttpRequest.get(path)));
        }
    }

    private static boolean matches(ServerWebExchangeMatcher matcher, MockServerHttpRequest.BaseBuilder<?> request) {
        return matcher.matches(MockServerWebExchange.from(request)).block().isMatch();
    }
}
