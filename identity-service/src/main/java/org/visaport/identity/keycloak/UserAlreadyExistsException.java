package org.visaport.identity.keycloak;

/** Keycloak already has a user with this e-mail address (username). */
public class UserAlreadyExistsException extends RuntimeException {

    public UserAlreadyExistsException() {
        super("a Keycloak user with this e-mail address exists");
    }
}
