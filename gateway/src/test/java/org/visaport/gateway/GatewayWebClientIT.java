package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;
import org.visaport.testsupport.Parts;
import org.visaport.testsupport.WithEmbeddedParts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway as backend-for-frontend, walked as a browser does with a cookie-keeping client against the real Keycloak:
 * the welcome page, sign-in with the code flow and PKCE, the session cookie, the session's token relayed to a service,
 * CSRF on changes, and sign-out through Keycloak's end-session endpoint.
 */
@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWebClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RecordingBackend IDENTITY = new RecordingBackend();
    private static final RecordingBackend COMMENTS = new RecordingBackend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_SERVICE_URI", IDENTITY::uri);
        registry.add("COMMENT_SERVICE_URI", COMMENTS::uri);
    }

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private Parts parts;

    private final TestBrowser browser = new TestBrowser();

    /** The realm lists the local stack's gateway (port 8080); this one listens on a random port. */
    @BeforeEach
    void letKeycloakSendBrowsersBackToThisGateway() throws Exception {
        KeycloakTokens keycloak = parts.keycloak();
        JsonNode found = JSON.readTree(browser.send(keycloak.adminRequest("/clients?clientId=visaport-bff").GET()).body());
        ObjectNode client = (ObjectNode) found.get(0);
        String redirect = gateway("/login/oauth2/code/keycloak").toString();
        ArrayNode redirects = (ArrayNode) client.get("redirectUris");
        if (redirects.valueStream().noneMatch(uri -> uri.asString().equals(redirect))) {
            redirects.add(redirect);
            ObjectNode attributes = (ObjectNode) client.get("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString() + "##" + gateway("/"));
            HttpResponse<String> updated = browser.send(keycloak.adminRequest("/clients/" + client.get("id").asString())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        }
    }

    @Test
    void everyPageIsTheSameFrameUnderAStrictContentSecurityPolicyAndHoldsNoContent() throws Exception {
        HttpResponse<String> welcome = get("/");
        for (String page : List.of("/", "/signup", "/news", "/news/envoys-meet-in-vienna", "/notifications",
                "/notifications/settings", "/profile", "/moderation", "/moderation/comments", "/newsroom/new")) {
            HttpResponse<String> answer = get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            // The frame only: what a page shows comes from the APIs, with the reader's own entitlement, never in the HTML.
            assertThat(answer.body()).as(page).isEqualTo(welcome.body());
            String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
        }
        assertThat(welcome.body()).contains("<html lang=\"en\">").contains("<script type=\"module\" src=\"/web/app.js\"></script>")
                .doesNotContain("<script>").doesNotContain("style=").doesNotContain("og:").doesNotContain("description");
        assertThat(get("/web/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/web/pages/welcome.js").body()).contains("Welcome to VisaPort. If you are a member of the diplomatic corps, "
                + "please sign in or register to use our services.").contains("Not a member yet?").contains("Bienvenue sur VisaPort");
        assertThat(get("/not-a-page").statusCode()).as("no page: the API door's answer").isEqualTo(401);

        HttpResponse<String> session = get("/web/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(session.body()).path("signedIn").asBoolean(true)).isFalse();
    }

    @Test
    void aMemberSignsInUsesTheApiThroughTheSessionAndSignsOut() throws Exception {
        signIn();

        // The page learns who is signed in: the name and roles, no token and no e-mail address.
        HttpResponse<String> session = get("/web/session");
        JsonNode member = JSON.readTree(session.body());
        assertThat(member.path("signedIn").asBoolean()).isTrue();
        assertThat(member.path("displayName").asString()).isEqualTo("Max Member");
        assertThat(member.path("roles").valueStream().map(JsonNode::asString).toList()).contains("member");
        assertThat(session.body()).doesNotContain("@").doesNotContain("eyJ");

        // An API call with only the cookie reaches the service with the session's access token as a bearer token.
        HttpResponse<String> me = get("/api/identity/web-client-me");
        assertThat(me.statusCode()).isEqualTo(200);
        String relayed = IDENTITY.receivedAt("/api/identity/web-client-me").authorization();
        assertThat(relayed).startsWith("Bearer ");
        JsonNode claims = KeycloakTokens.claims(relayed.substring("Bearer ".length()));
        assertThat(claims.path("azp").asString()).isEqualTo("visaport-bff");
        assertThat(claims.path("aud").toString()).contains("visaport-api");
        assertThat(get("/api/admin/news/articles/member-via-session").statusCode()).as("the coarse role rules hold").isEqualTo(403);

        // A change needs the CSRF header: without it 403 problem details and nothing reaches the service.
        String xsrf = browser.cookie("XSRF-TOKEN", gateway("/"));
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(gateway("/api/comments/articles/a1/comments-no-csrf"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(forged.body()).path("type").asString()).endsWith("/forbidden");
        assertThat(COMMENTS.received()).noneMatch(r -> r.path().endsWith("comments-no-csrf"));
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(gateway("/api/comments/articles/a1/comments-with-csrf"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(COMMENTS.receivedAt("/api/comments/articles/a1/comments-with-csrf").authorization()).startsWith("Bearer ");

        // Sign out: a form post with the CSRF token ends the session and goes on to Keycloak's end-session endpoint.
        assertThat(browser.send(HttpRequest.newBuilder(gateway("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(TestBrowser.form("x", "y"))).statusCode()).isEqualTo(403);
        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(gateway("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(TestBrowser.form("_csrf", xsrf)));
        assertThat(out.statusCode()).isEqualTo(302);
        String endSession = out.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(parts.keycloak().issuerUri() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=").endsWith("post_logout_redirect_uri=" + gateway("/"));
        HttpResponse<String> keycloakSignedOut = browser.atKeycloak(HttpRequest.newBuilder(URI.create(endSession)).GET());
        assertThat(keycloakSignedOut.statusCode()).as(keycloakSignedOut.body()).isEqualTo(302);
        assertThat(keycloakSignedOut.headers().firstValue("Location")).hasValue(gateway("/").toString());
        assertThat(JSON.readTree(get("/web/session").body()).path("signedIn").asBoolean(true)).isFalse();
        assertThat(get("/api/identity/web-client-after-logout").statusCode()).as("no token once signed out").isEqualTo(401);
        assertThat(IDENTITY.received()).noneMatch(r -> r.path().endsWith("web-client-after-logout"));
    }

    @Test
    void theSessionsAccessTokenIsRefreshedBeforeItExpires() throws Exception {
        accessTokenLifespan("45");
        try {
            signIn();
            assertThat(get("/api/identity/web-client-refresh-1").statusCode()).isEqualTo(200);
            assertThat(get("/api/identity/web-client-refresh-2").statusCode()).isEqualTo(200);
        } finally {
            accessTokenLifespan("");
        }
        String first = IDENTITY.receivedAt("/api/identity/web-client-refresh-1").authorization();
        String second = IDENTITY.receivedAt("/api/identity/web-client-refresh-2").authorization();
        assertThat(first).startsWith("Bearer ");
        assertThat(second).startsWith("Bearer ").as("refreshed (and the rotated refresh token kept in the session)").isNotEqualTo(first);
        assertThat(KeycloakTokens.claims(second.substring(7)).path("azp").asString()).isEqualTo("visaport-bff");
    }

    @Test
    void bearerCallsNeverTouchTheSession() throws Exception {
        String token = parts.keycloak().accessToken(DemoUser.MEMBER);
        ApiClient.Reply reply = new ApiClient(port).send("POST", "/api/comments/articles/a2/comments-bearer", token, java.util.Map.of(),
                java.util.Map.of("Cookie", "SESSION=not-a-session"));
        assertThat(reply.status()).as("no CSRF for bearer calls").isEqualTo(200);
        assertThat(reply.response().headers().allValues("Set-Cookie")).as("no session, no CSRF cookie")
                .noneMatch(c -> c.startsWith("XSRF-TOKEN=")).noneMatch(c -> c.startsWith("SESSION=") && !c.startsWith("SESSION=;"));
        assertThat(COMMENTS.receivedAt("/api/comments/articles/a2/comments-bearer").authorization()).isEqualTo("Bearer " + token);
    }

    /** Sign in: the gateway sends the browser to Keycloak with PKCE, as its confidential client, and gets it back. */
    private void signIn() throws IOException, InterruptedException {
        HttpResponse<String> start = get("/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(parts.keycloak().issuerUri()).contains("client_id=visaport-bff")
                .contains("code_challenge_method=S256").contains("code_challenge=");
        HttpResponse<String> signedIn = browser.signInAtKeycloak(URI.create(authorize), DemoUser.MEMBER);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String callback = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(gateway("/login/oauth2/code/keycloak").toString());

        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        String sessionCookie = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        assertThat(back.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("eyJ"));
    }

    /**
     * Keycloak's access token for this client, in seconds ("" for the realm's 5 minutes). Under a minute, every relayed
     * call refreshes it first (the refresh happens when a token has less than a minute left).
     */
    private void accessTokenLifespan(String seconds) throws IOException, InterruptedException {
        KeycloakTokens keycloak = parts.keycloak();
        ObjectNode client = (ObjectNode) JSON.readTree(browser.send(keycloak.adminRequest("/clients?clientId=visaport-bff").GET()).body()).get(0);
        ((ObjectNode) client.get("attributes")).put("access.token.lifespan", seconds);
        HttpResponse<String> updated = browser.send(keycloak.adminRequest("/clients/" + client.get("id").asString())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.get(gateway(path));
    }



}
