package org.visaport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";

    @Test
    void aBearerTokenIsReadWhateverTheSchemesCase() {
        assertThat(outcome(new BearerTokens(), "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(outcome(new BearerTokens(), "bEaReR " + JWT)).isEqualTo("token " + JWT);
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoTokenAndAMalformedOneIsAnInvalidToken() {
        assertThat(outcome(new BearerTokens(), null)).isEqualTo("none");
        assertThat(outcome(new BearerTokens(), "Basic dXNlcjpwYXNz")).isEqualTo("none");
        assertThat(outcome(new BearerTokens(), "Bearer " + JWT + " extra")).isEqualTo("error invalid_token: Bearer token is malformed");
    }

    @Test
    void everyHeaderIsJudgedAsSpringSecurityJudgesIt() {
        List<String> headers = new ArrayList<>(List.of("Bearer", "Bearer ", "Bearer  " + JWT, "Bearer\t" + JWT, "Bearer=" + JWT,
                "Bearerx " + JWT, "BEARER " + JWT, "bearer " + JWT + "==", "Bearer " + JWT + "=a", "Bearer ==", "Bearer a=",
                "Bearer a/b+c~d_e.f-g", "Bearers " + JWT, " Bearer " + JWT, "Bearer " + JWT + " ", "Bear " + JWT, "Token " + JWT));
        for (char c = 0x20; c < 0x7f; c++) {
            headers.add("Bearer a" + c + "b");
            headers.add("Bearer " + c);
            headers.add("Bearer ab" + c);
        }
        for (char c : "éДı\u017f\u212a\u00a0".toCharArray()) {
            headers.add("Bearer a" + c + "b");
            headers.add("Be" + c + "rer ab");
        }
        var springSecurity = new ServerBearerTokenAuthenticationConverter();
        var ours = new BearerTokens();
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(springSecurity, header));
        }
    }

    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        var request = MockServerHttpRequest.get("/api/news/articles");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            Authentication read = converter.convert(MockServerWebExchange.from(request)).block();
            return read == null ? "none" : "token " + ((BearerTokenAuthenticationToken) read).getToken();
        } catch (OAuth2AuthenticationException invalid) {
            return "error " + invalid.getError().getErrorCode() + ": " + invalid.getError().getDescription();
        }
    }
}
