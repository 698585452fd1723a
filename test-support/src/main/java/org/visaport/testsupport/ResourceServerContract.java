package org.visaport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What every VisaPort service promises at its door, checked over real HTTP against the running app: it reports
 * ready, serves metrics, refuses every kind of bad token with 401 problem details, and accepts a real one.
 * A service's smoke test extends this with its Spring Boot test setup and the parts it runs on.
 */
public abstract class ResourceServerContract {

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private Parts parts;

    /** The parts the app runs on, from {@link WithEmbeddedParts} or {@link WithContainerParts}. */
    protected Parts parts() {
        return parts;
    }

    /** A path that needs authentication. */
    protected abstract String protectedPath();

    /** What an authenticated member gets on {@link #protectedPath()}. */
    protected abstract int statusForMember();

    @Test
    void reportsReadyAndLive() {
        ApiClient.Reply readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void servesPrometheusMetrics() {
        ApiClient.Reply metrics = get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesACallWithoutTokenWithProblemDetails() {
        ApiClient.Reply reply = get(protectedPath(), null);
        assertUnauthorizedProblem(reply);
        assertThat(java.util.Optional.ofNullable(reply.header("WWW-Authenticate"))).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
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
        ApiClient.Reply reply = get(protectedPath(), parts().keycloak().accessToken(DemoUser.MEMBER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(statusForMember());
    }

    private static void assertUnauthorizedProblem(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(java.util.Optional.ofNullable(reply.header("Content-Type"))).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/unauthorized");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
    }

    protected ApiClient.Reply get(String path, String bearerToken) {
        return new ApiClient(port).get(path, bearerToken);
    }
}
