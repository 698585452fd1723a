package org.visaport.identity.keycloak;

/** Keycloak refused the new user's data, typically a password that breaks the realm's password policy. */
public class CredentialRejectedException extends RuntimeException {

    private final String field;

    public CredentialRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
