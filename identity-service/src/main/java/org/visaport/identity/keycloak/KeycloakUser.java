package org.visaport.identity.keycloak;

/** A Keycloak user as far as membership needs to know it. */
public record KeycloakUser(String id, long createdTimestamp) {
}
