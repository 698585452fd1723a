package org.visaport.identity.keycloak;

/** What identity-service asks Keycloak to create for an applicant; the password is passed through, never kept. */
public record NewUser(String email, String firstName, String lastName, String password) {

    @Override
    public String toString() {
        return "NewUser[redacted]";
    }
}
