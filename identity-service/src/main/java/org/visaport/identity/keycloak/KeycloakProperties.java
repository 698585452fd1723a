package org.visaport.identity.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identity-service reaches Keycloak's admin REST API with its own service account.
 *
 * @param serverUrl      Keycloak's base URL; empty means "derive from the token issuer"
 * @param realm          the realm the members live in; empty means "derive from the token issuer"
 * @param clientId       the confidential client whose service account manages users
 * @param clientSecret   that client's secret
 * @param connectTimeout how long to wait for a connection before counting Keycloak as unreachable
 * @param readTimeout    how long to wait for an answer
 * @param retryAfter     what a 503 tells clients to wait while Keycloak is unavailable
 */
@ConfigurationProperties("visaport.keycloak")
public record KeycloakProperties(String serverUrl, String realm, String clientId, String clientSecret,
                                 Duration connectTimeout, Duration readTimeout, Duration retryAfter) {

    public KeycloakProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("visaport.keycloak.client-id and client-secret must be set "
                    + "(env KEYCLOAK_CLIENT_ID, KEYCLOAK_CLIENT_SECRET)");
        }
    }

    /** Fills server URL and realm from an issuer such as {@code http://host:8180/realms/visaport} where not set. */
    public KeycloakProperties withIssuer(String issuerUri) {
        int at = issuerUri.indexOf("/realms/");
        String issuerBase = at < 0 ? issuerUri : issuerUri.substring(0, at);
        String issuerRealm = at < 0 ? "visaport" : issuerUri.substring(at + "/realms/".length()).replaceAll("/+$", "");
        return new KeycloakProperties(blank(serverUrl) ? issuerBase : serverUrl.replaceAll("/+$", ""),
                blank(realm) ? issuerRealm : realm, clientId, clientSecret, connectTimeout, readTimeout, retryAfter);
    }

    public String adminUrl() {
        return serverUrl + "/admin/realms/" + realm;
    }

    public String tokenUrl() {
        return serverUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
