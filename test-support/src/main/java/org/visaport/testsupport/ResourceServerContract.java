package org.visaport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every VisaPort service promises at its door, checked over real HTTP against the running app: it reports
 * ready, serves metrics, refuses every kind of bad token with 401 problem details, and accepts a real one.
 * A service's smoke test extends this with its Spring Boot test setup and the parts it runs on.
 */
public abstract class ResourceServerContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    private int port;

    protected abstract Parts parts();

    /** A path that needs authentication. */
    protected abstract String protectedPath();

    /** What an authenticated member gets on {@link #protectedPath()}. */
    protected abstract int statusForMember();

    @Test
    void reportsReadyAndLive() {
        Reply readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void servesPrometheusMetrics() {
        Reply metrics = get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesACallWithoutTokenWithProblemDetails() {
        Reply reply = get(protectedPath(), null);
        assertUnauthorizedProblem(reply);
        assertThat(reply.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertUnauthorizedProblem(get(protectedPath(), parts().keycloak().wrongAudienceToken(DemoUser.MEMBER)));
    }

    @Test
    void refusesAnExpiredToken() {
        assertUnauthorizedProblem(get(protectedPath(), parts().keycloak().expiredToken(DemoUser.MEMBER)));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertUnauthorizedProblem(get(protectedPath(), parts().keycloak().otherIssuerToken()));
    }

    @Test
    void refusesATokenWhoseClaimsWereAltered() {
        String[] token = parts().keycloak().accessToken(DemoUser.MEMBER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(token[1])).replace("\"member\"", "\"admin\"");
        String forged = token[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + token[2];
        assertUnauthorizedProblem(get(protectedPath(), forged));
    }

    @Test
    void acceptsARealMemberToken() {
        Reply reply = get(protectedPath(), parts().keycloak().accessToken(DemoUser.MEMBER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(statusForMember());
    }

    private static void assertUnauthorizedProblem(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/unauthorized");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
    }

    protected Reply get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return new Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }
    }
}
