package org.visaport.identity;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.visaport.testsupport.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a test does to the real Keycloak from outside the service: sign users in with the password grant, and act as
 * the user or the realm administrator where no UI exists in a test (clicking the verification link).
 */
public final class KeycloakRealm {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeycloakTokens tokens;

    public KeycloakRealm(KeycloakTokens tokens) {
        this.tokens = tokens;
    }

    /** The status of a password grant (200 or Keycloak's refusal) and the access token if there is one. */
    public record Grant(int status, String accessToken, String body) {
    }

    public Grant signIn(String username, String password) {
        String form = "grant_type=password&client_id=" + KeycloakTokens.CLI_CLIENT
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokens.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String token = response.statusCode() == 200 ? JSON.readTree(response.body()).path("access_token").asString() : null;
        return new Grant(response.statusCode(), token, response.body());
    }

    public String accessToken(String username, String password) {
        Grant grant = signIn(username, password);
        if (grant.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + grant.body());
        }
        return grant.accessToken();
    }

    public Optional<JsonNode> user(String email) {
        HttpResponse<String> response = send(admin("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).GET());
        JsonNode users = JSON.readTree(response.body());
        return users.isArray() && !users.isEmpty() ? Optional.of(users.get(0)) : Optional.empty();
    }

    /** What the applicant's click on Keycloak's verification link does. */
    public void verifyEmail(String email) {
        ObjectNode user = (ObjectNode) user(email).orElseThrow();
        user.put("emailVerified", true);
        user.putArray("requiredActions");
        HttpResponse<String> response = send(admin("/users/" + user.path("id").asString())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("cannot verify " + email + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A user created behind the service's back, as a crash after its Keycloak write would leave one. */
    public void createUser(String email, String password) {
        String user = """
                {"username":"%s","email":"%s","firstName":"Orphan","lastName":"User","enabled":true,"emailVerified":true,
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}
                """.formatted(email, email, password);
        HttpResponse<String> response = send(admin("/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("cannot create " + email + ": " + response.statusCode() + " " + response.body());
        }
    }

    private HttpRequest.Builder admin(String path) {
        String adminBase = tokens.issuerUri().replace("/realms/", "/admin/realms/");
        return HttpRequest.newBuilder(URI.create(adminBase + path)).header("Authorization", "Bearer " + tokens.otherIssuerToken());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
