package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.EmbeddedParts;
import org.visaport.testsupport.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two gateway instances sharing browser sessions in a real Redis server (Debian's redis-server): a browser signs in
 * through one with the real Keycloak, and the other knows it, relays its token, and signs it out for both.
 */
class GatewayRedisSessionIT {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RecordingBackend IDENTITY = new RecordingBackend();
    private static Process redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final TestBrowser browser = new TestBrowser();

    @BeforeAll
    static void startRedisAndTwoGateways() throws IOException {
        assumeTrue(Files.isExecutable(REDIS_SERVER), "redis-server is not installed (apt-get install redis-server): skipping the shared-session test");
        int redisPort;
        try (ServerSocket free = new ServerSocket(0)) {
            redisPort = free.getLocalPort();
        }
        redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String issuer = EmbeddedParts.INSTANCE.keycloak().issuerUri();
        first = gateway(issuer, redisPort);
        second = gateway(issuer, redisPort);
    }

    private static ConfigurableApplicationContext gateway(String issuer, int redisPort) {
        // As command-line arguments, which win over application.yaml like the launcher's environment does.
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--visaport.security.issuer-uri=" + issuer, "--visaport.security.clock-skew=0s",
                "--GATEWAY_SESSION_STORE=redis", "--GATEWAY_REDIS_URL=redis://127.0.0.1:" + redisPort,
                "--IDENTITY_SERVICE_URI=" + IDENTITY.uri());
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {first, second}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (redis != null) {
            redis.destroy();
        }
        IDENTITY.stop();
    }

    @Test
    void aBrowserSignedInThroughOneGatewayIsSignedInAtTheOtherAndSignsOutOfBoth() throws Exception {
        URI one = base(first);
        URI other = base(second);
        assertThat(one.getPort()).isNotEqualTo(other.getPort());
        letKeycloakSendBrowsersBackTo(one);

        signIn(one);

        JsonNode session = JSON.readTree(browser.get(other.resolve("/web/session")).body());
        assertThat(session.path("signedIn").asBoolean()).as("the other instance reads the session from Redis").isTrue();
        assertThat(session.path("displayName").asString()).isEqualTo("Max Member");
        assertThat(browser.get(other.resolve("/api/identity/session-at-the-other-gateway")).statusCode()).isEqualTo(200);
        String relayed = IDENTITY.receivedAt("/api/identity/session-at-the-other-gateway").authorization();
        assertThat(relayed).as("the session's tokens came along").startsWith("Bearer ");
        assertThat(KeycloakTokens.claims(relayed.substring("Bearer ".length())).path("azp").asString()).isEqualTo("visaport-bff");

        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(other.resolve("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(TestBrowser.form("_csrf", browser.cookie("XSRF-TOKEN", other))));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(JSON.readTree(browser.get(one.resolve("/web/session")).body()).path("signedIn").asBoolean(true))
                .as("signed out at one instance is signed out at all").isFalse();
    }

    private static URI base(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The realm lists the local stack's gateway (port 8080); this one listens on a random port. */
    private void letKeycloakSendBrowsersBackTo(URI gateway) throws IOException, InterruptedException {
        KeycloakTokens keycloak = EmbeddedParts.INSTANCE.keycloak();
        ObjectNode client = (ObjectNode) JSON.readTree(browser.send(keycloak.adminRequest("/clients?clientId=visaport-bff").GET()).body()).get(0);
        String redirect = gateway.resolve("/login/oauth2/code/keycloak").toString();
        ArrayNode redirects = (ArrayNode) client.get("redirectUris");
        if (redirects.valueStream().noneMatch(uri -> uri.asString().equals(redirect))) {
            redirects.add(redirect);
            HttpResponse<String> updated = browser.send(keycloak.adminRequest("/clients/" + client.get("id").asString())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        }
    }

    /** The code flow with PKCE as a browser walks it, with the demo member's password at Keycloak's form. */
    private void signIn(URI gateway) throws IOException, InterruptedException {
        HttpResponse<String> start = browser.get(gateway.resolve("/oauth2/authorization/keycloak"));
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = browser.signInAtKeycloak(URI.create(start.headers().firstValue("Location").orElseThrow()),
                DemoUser.MEMBER);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        HttpResponse<String> back = browser.get(URI.create(signedIn.headers().firstValue("Location").orElseThrow()));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        String sessionCookie = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).as("the cookie as in memory").containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    }




}
