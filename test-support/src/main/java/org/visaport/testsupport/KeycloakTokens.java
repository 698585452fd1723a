package org.visaport.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real tokens from a running Keycloak: good ones, and the kinds a resource server must refuse. */
public final class KeycloakTokens {

    /** A public client with password grant, local development and tests only (see the realm file). */
    public static final String CLI_CLIENT = "visaport-cli";
    private static final String EXPIRY_PROBE_CLIENT = "expiry-probe";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;

    public KeycloakTokens(URI baseUri, String realm, String adminUser, String adminPassword) {
        this.baseUri = baseUri;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public String issuerUri() {
        return baseUri + "/realms/" + realm;
    }

    public String accessToken(DemoUser user) {
        return passwordGrant(realm, CLI_CLIENT, user.username(), user.password());
    }

    /** Signed by the right realm for the right user, but for Keycloak's own admin-cli client: no visaport-api audience. */
    public String wrongAudienceToken(DemoUser user) {
        return passwordGrant(realm, "admin-cli", user.username(), user.password());
    }

    /** A genuine token of the same server's master realm: another issuer, other keys. */
    public String otherIssuerToken() {
        return passwordGrant("master", "admin-cli", adminUser, adminPassword);
    }

    /** A token that was valid for one second and has expired by the time this returns. */
    public synchronized String expiredToken(DemoUser user) {
        ensureExpiryProbeClient();
        String token = passwordGrant(realm, EXPIRY_PROBE_CLIENT, user.username(), user.password());
        long expiresAt = claims(token).path("exp").asLong();
        long waitMillis = (expiresAt + 1) * 1000 - Instant.now().toEpochMilli();
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    public static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
    }

    private void ensureExpiryProbeClient() {
        String admin = otherIssuerToken();
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"1"},
                 "protocolMappers":[{"name":"visaport-api audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"visaport-api","access.token.claim":"true","id.token.claim":"false"}}]}
                """.formatted(EXPIRY_PROBE_CLIENT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/admin/realms/" + realm + "/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("cannot create the expiry probe client: " + response.statusCode() + " " + response.body());
        }
    }

    private String passwordGrant(String realmName, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password)
                .entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/realms/" + realmName + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request for " + username + " via " + clientId + " failed: "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
