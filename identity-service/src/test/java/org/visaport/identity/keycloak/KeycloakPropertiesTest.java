package org.visaport.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeycloakPropertiesTest {

    @Test
    void derivesServerAndRealmFromTheIssuer() {
        KeycloakProperties properties = new KeycloakProperties(null, null, "identity-service", "secret", null, null, null)
                .withIssuer("http://127.0.0.1:8180/realms/visaport");
        assertThat(properties.adminUrl()).isEqualTo("http://127.0.0.1:8180/admin/realms/visaport");
        assertThat(properties.tokenUrl()).isEqualTo("http://127.0.0.1:8180/realms/visaport/protocol/openid-connect/token");
    }

    @Test
    void anExplicitServerUrlWins() {
        KeycloakProperties properties = new KeycloakProperties("http://keycloak.internal:8080/", "", "identity-service",
                "secret", null, null, null).withIssuer("https://login.visaport.example/realms/visaport");
        assertThat(properties.adminUrl()).isEqualTo("http://keycloak.internal:8080/admin/realms/visaport");
    }

    @Test
    void refusesToStartWithoutClientCredentials() {
        assertThatThrownBy(() -> new KeycloakProperties(null, null, "identity-service", " ", null, null, null))
                .hasMessageContaining("KEYCLOAK_CLIENT_SECRET");
    }
}
