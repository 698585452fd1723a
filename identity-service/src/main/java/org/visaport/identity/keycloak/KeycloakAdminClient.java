package org.visaport.identity.keycloak;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The few Keycloak admin REST calls membership needs, each through the {@link KeycloakGuard}. Users are addressed by
 * their Keycloak id, which is also the member id (the {@code sub} of their tokens).
 */
public class KeycloakAdminClient {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminClient.class);

    private final RestClient http;
    private final KeycloakProperties properties;
    private final ServiceAccountToken token;
    private final KeycloakGuard guard;
    private final Map<String, JsonNode> roles = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    private volatile FetchedPolicy passwordPolicy;

    /** Read again after a while, so a policy changed in Keycloak applies here too without a restart. */
    private record FetchedPolicy(PasswordPolicy policy, java.time.Instant at) {
    }

    private static final java.time.Duration POLICY_KEPT_FOR = java.time.Duration.ofSeconds(30);

    KeycloakAdminClient(RestClient http, KeycloakProperties properties, ServiceAccountToken token, KeycloakGuard guard,
                        java.time.Clock clock) {
        this.http = http;
        this.properties = properties;
        this.token = token;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * The realm's password policy. Reading it also shows that Keycloak answers right now, which is what lets an
     * application be accepted before its account is made.
     */
    public PasswordPolicy passwordPolicy() {
        FetchedPolicy fetched = passwordPolicy;
        if (fetched != null && fetched.at().plus(POLICY_KEPT_FOR).isAfter(clock.instant())) {
            return fetched.policy();
        }
        JsonNode realm = guard.idempotent(() -> authorized(() -> http.get().uri(properties.adminUrl())
                .header("Authorization", "Bearer " + token.get())
                .retrieve().body(JsonNode.class)));
        PasswordPolicy policy = PasswordPolicy.parse(realm.path("passwordPolicy").asString(""));
        passwordPolicy = new FetchedPolicy(policy, clock.instant());
        return policy;
    }

    /** Creates an enabled user who must verify the e-mail address before signing in; returns the user id. */
    public String createUser(NewUser user) {
        Map<String, Object> representation = Map.of(
                "username", user.email(), "email", user.email(), "firstName", user.firstName(),
                "lastName", user.lastName(), "enabled", true, "emailVerified", false,
                "requiredActions", List.of("VERIFY_EMAIL"),
                "credentials", List.of(Map.of("type", "password", "value", user.password(), "temporary", false)));
        return guard.once(() -> authorized(() -> {
            try {
                URI location = http.post().uri(properties.adminUrl() + "/users")
                        .header("Authorization", "Bearer " + token.get())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(representation)
                        .retrieve()
                        .toBodilessEntity()
                        .getHeaders().getLocation();
                String path = location.getPath();
                return path.substring(path.lastIndexOf('/') + 1);
            } catch (HttpClientErrorException.Conflict e) {
                throw new UserAlreadyExistsException();
            } catch (HttpClientErrorException.BadRequest e) {
                throw rejection(e);
            }
        }));
    }

    public void deleteUser(String userId) {
        guard.idempotent(() -> authorized(() -> {
            try {
                http.delete().uri(properties.adminUrl() + "/users/{id}", userId)
                        .header("Authorization", "Bearer " + token.get())
                        .retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                log.debug("Keycloak user {} was already deleted", userId);
            }
            return null;
        }));
    }

    /** A user with exactly this e-mail address, with its creation time in epoch milliseconds. */
    public Optional<KeycloakUser> findByEmail(String email) {
        JsonNode users = guard.idempotent(() -> authorized(() -> http.get()
                .uri(properties.adminUrl() + "/users?email={email}&exact=true&briefRepresentation=true", email)
                .header("Authorization", "Bearer " + token.get())
                .retrieve().body(JsonNode.class)));
        for (JsonNode user : users) {
            if (email.equalsIgnoreCase(user.path("email").asString())) {
                return Optional.of(new KeycloakUser(user.path("id").asString(), user.path("createdTimestamp").asLong()));
            }
        }
        return Optional.empty();
    }

    /** Whether the user has confirmed the e-mail address with Keycloak's link. */
    public boolean isEmailVerified(String userId) {
        return guard.idempotent(() -> authorized(() -> http.get().uri(properties.adminUrl() + "/users/{id}", userId)
                .header("Authorization", "Bearer " + token.get())
                .retrieve().body(JsonNode.class))).path("emailVerified").asBoolean(false);
    }

    public void setEnabled(String userId, boolean enabled) {
        guard.idempotent(() -> authorized(() -> {
            // A partial representation would reset the user's profile attributes: read, change, write back.
            JsonNode user = http.get().uri(properties.adminUrl() + "/users/{id}", userId)
                    .header("Authorization", "Bearer " + token.get())
                    .retrieve().body(JsonNode.class);
            if (user.path("enabled").asBoolean() == enabled) {
                return null;
            }
            ((tools.jackson.databind.node.ObjectNode) user).put("enabled", enabled);
            http.put().uri(properties.adminUrl() + "/users/{id}", userId)
                    .header("Authorization", "Bearer " + token.get())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(user)
                    .retrieve().toBodilessEntity();
            return null;
        }));
    }

    /**
     * Ends every session of the user, so refresh tokens stop working at once: the online sessions, and the offline
     * ones, which Keycloak's logout leaves alone and which end only with the consent (grant) of each client.
     */
    public void logout(String userId) {
        guard.idempotent(() -> authorized(() -> http.post().uri(properties.adminUrl() + "/users/{id}/logout", userId)
                .header("Authorization", "Bearer " + token.get())
                .retrieve().toBodilessEntity()));
        JsonNode grants = guard.idempotent(() -> authorized(() -> http.get().uri(properties.adminUrl() + "/users/{id}/consents", userId)
                .header("Authorization", "Bearer " + token.get())
                .retrieve().body(JsonNode.class)));
        for (JsonNode grant : grants) {
            String clientId = grant.path("clientId").asString();
            guard.idempotent(() -> authorized(() -> {
                try {
                    return http.delete().uri(properties.adminUrl() + "/users/{id}/consents/{client}", userId, clientId)
                            .header("Authorization", "Bearer " + token.get())
                            .retrieve().toBodilessEntity();
                } catch (HttpClientErrorException.NotFound alreadyRevoked) {
                    return null;
                }
            }));
        }
    }

    public Set<String> realmRoles(String userId) {
        JsonNode mappings = guard.idempotent(() -> authorized(() -> http.get()
                .uri(properties.adminUrl() + "/users/{id}/role-mappings/realm", userId)
                .header("Authorization", "Bearer " + token.get())
                .retrieve().body(JsonNode.class)));
        Set<String> names = new HashSet<>();
        mappings.forEach(role -> names.add(role.path("name").asString()));
        return names;
    }

    public void addRealmRoles(String userId, Collection<String> names) {
        changeRealmRoles(HttpMethod.POST, userId, names);
    }

    public void removeRealmRoles(String userId, Collection<String> names) {
        changeRealmRoles(HttpMethod.DELETE, userId, names);
    }

    /**
     * Asks Keycloak to mail the verification link. Best effort and outside the breaker: a realm without SMTP answers
     * 500, which says nothing about Keycloak's health, and the user can ask for the link again at sign-in.
     */
    public void sendVerificationEmail(String userId) {
        try {
            http.put().uri(properties.adminUrl() + "/users/{id}/send-verify-email", userId)
                    .header("Authorization", "Bearer " + token.get())
                    .retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("Keycloak did not send the verification e-mail for user {}: {}", userId, e.getMessage());
        }
    }

    private void changeRealmRoles(HttpMethod method, String userId, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        guard.idempotent(() -> authorized(() -> {
            List<JsonNode> representations = names.stream().map(this::role).toList();
            return http.method(method).uri(properties.adminUrl() + "/users/{id}/role-mappings/realm", userId)
                    .header("Authorization", "Bearer " + token.get())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(representations)
                    .retrieve().toBodilessEntity();
        }));
    }

    private JsonNode role(String name) {
        return roles.computeIfAbsent(name, missing -> http.get().uri(properties.adminUrl() + "/roles/{name}", missing)
                .header("Authorization", "Bearer " + token.get())
                .retrieve().body(JsonNode.class));
    }

    /** A token revoked or expired early (e.g. Keycloak restarted) is fetched anew once. */
    private <T> T authorized(Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientErrorException.Unauthorized e) {
            token.forget();
            return call.get();
        }
    }

    private static CredentialRejectedException rejection(HttpClientErrorException e) {
        String body = e.getResponseBodyAsString();
        String message = "";
        try {
            JsonNode json = e.getResponseBodyAs(JsonNode.class);
            message = json == null ? "" : json.path("error_description").asString(json.path("errorMessage").asString(""));
        } catch (RuntimeException unreadable) {
            log.debug("Keycloak's 400 answer was not JSON");
        }
        return new CredentialRejectedException(body.toLowerCase().contains("password") ? "password" : "email",
                message.isBlank() ? "was refused by the identity provider" : message);
    }
}
