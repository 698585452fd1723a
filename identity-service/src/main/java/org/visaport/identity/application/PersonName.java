package org.visaport.identity.application;

/** Keycloak wants first and last name; an applicant gives one full name, split at the first space. */
record PersonName(String first, String last) {

    static PersonName of(String fullName) {
        String trimmed = fullName.strip().replaceAll("\\s+", " ");
        int space = trimmed.indexOf(' ');
        return space < 0 ? new PersonName(trimmed, trimmed) : new PersonName(trimmed.substring(0, space), trimmed.substring(space + 1));
    }
}
