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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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

    /** A user made for one test; {@code displayName} is what the token's {@code name} claim holds. */
    public record TestUser(String id, String email, String password, String displayName) {
    }

    /**
     * A new user with the given realm roles, for a test that must not share its member with other tests (as the demo
     * users are shared): enabled, with a verified random address and a password that meets the realm's policy.
     */
    public TestUser newUser(String... realmRoles) {
        String email = "u-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@visaport.test";
        // Upper and lower case and a digit, whatever the random part holds.
        String password = "Test-" + UUID.randomUUID() + "-Aa1";
        String lastName = wordish();
        String id = createUser(email, "Test", lastName, password, realmRoles);
        return new TestUser(id, email, password, "Test " + lastName);
    }

    public String accessToken(TestUser user) {
        return passwordGrant(realm, CLI_CLIENT, user.email(), user.password());
    }

    /**
     * Creates an enabled user with a verified address and a permanent password through the admin API, as an
     * administrator in Keycloak's console would, and grants it the realm roles.
     *
     * @return the user's Keycloak id
     */
    public String createUser(String email, String firstName, String lastName, String password, String... realmRoles) {
        String admin = otherIssuerToken();
        String user = JSON.writeValueAsString(Map.of("username", email, "email", email, "firstName", firstName,
                "lastName", lastName, "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        HttpResponse<String> created = send(admin(admin, "/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create " + email + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (realmRoles.length > 0) {
            mapRealmRoles(admin, id, realmRoles);
        }
        return id;
    }

    /** Maps realm roles to a user behind the services' back, as an administrator in Keycloak's console would. */
    public void grantRealmRoles(String userId, String... roles) {
        mapRealmRoles(otherIssuerToken(), userId, roles);
    }

    /** A request to this realm's admin REST API ({@code path} below {@code /admin/realms/<realm>}), as the administrator. */
    public HttpRequest.Builder adminRequest(String path) {
        return admin(otherIssuerToken(), path);
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
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"1"},
                 "protocolMappers":[{"name":"visaport-api audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"visaport-api","access.token.claim":"true","id.token.claim":"false"}}]}
                """.formatted(EXPIRY_PROBE_CLIENT);
        HttpRequest request = adminRequest("/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("cannot create the expiry probe client: " + response.statusCode() + " " + response.body());
        }
    }

    private void mapRealmRoles(String admin, String userId, String... roles) {
        String representations = Arrays.stream(roles)
                .map(role -> send(admin(admin, "/roles/" + role).GET().build()).body())
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> response = send(admin(admin, "/users/" + userId + "/role-mappings/realm")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representations)).build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("cannot grant " + String.join(", ", roles) + " to " + userId + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    private HttpRequest.Builder admin(String adminToken, String path) {
        return HttpRequest.newBuilder(URI.create(baseUri + "/admin/realms/" + realm + path))
                .header("Authorization", "Bearer " + adminToken);
    }

    /** A pronounceable surname, so a test's member reads like a person in bylines and logs. */
    private static String wordish() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            word.append(consonants.charAt(ThreadLocalRandom.current().nextInt(consonants.length())))
                    .append(vowels.charAt(ThreadLocalRandom.current().nextInt(vowels.length())));
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
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
