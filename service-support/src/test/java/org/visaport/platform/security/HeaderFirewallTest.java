package org.visaport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

class HeaderFirewallTest {

    private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "a\tb", "\ttab first",
            "line\nbreak", "carriage\rreturn", "nul\u0000", "del\u007f", "latin é", "cyrillic Дипломат", "unassigned \u0378",
            "private use \uE000", "lone surrogate \uD800", "emoji \uD83C\uDF0D", "C1 control \u0085", "no-break\u00a0space");

    @Test
    void everyCharacterIsJudgedAsSpringSecurityJudgesIt() {
        assertSameJudgement(HeaderFirewall.headerValues(), StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
        assertSameJudgement(HeaderFirewall.headerNames(), StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
    }

    @Test
    void aHeaderWithAControlCharacterIsRejectedWhenRead() {
        ServerWebExchange exchange = firewalled(MockServerHttpRequest.get("/api/news/articles").header("X-Note", "one\u0007two"));

        assertThatThrownBy(() -> exchange.getRequest().getHeaders().getFirst("X-Note")).isInstanceOf(ServerExchangeRejectedException.class);
    }

    @Test
    void aBearerTokenAndATabbedValuePass() {
        String token = "Bearer " + "eyJhbGciOiJSUzI1NiJ9.".repeat(80) + "c2ln";
        ServerWebExchange exchange = firewalled(MockServerHttpRequest.get("/api/news/articles")
                .header("Authorization", token).header("X-Note", "one\ttwo").header("X-Place", "Genève"));

        assertThat(exchange.getRequest().getHeaders().getFirst("Authorization")).isEqualTo(token);
        assertThat(exchange.getRequest().getHeaders().getFirst("X-Note")).isEqualTo("one\ttwo");
        assertThat(exchange.getRequest().getHeaders().getFirst("X-Place")).isEqualTo("Genève");
    }

    private static ServerWebExchange firewalled(MockServerHttpRequest.BaseBuilder<?> request) {
        return HeaderFirewall.strict().getFirewalledExchange(MockServerWebExchange.from(request)).block();
    }

    private static void assertSameJudgement(Predicate<String> ours, Predicate<String> springSecurity) {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "x" + (char) c + "y";
            assertThat(ours.test(text)).as("U+%04X", c).isEqualTo(springSecurity.test(text));
        }
        for (String sample : SAMPLES) {
            assertThat(ours.test(sample)).as(sample).isEqualTo(springSecurity.test(sample));
        }
        assertThat(ours.test(null)).isEqualTo(springSecurity.test(null));
    }
}
