package org.visaport.testsupport;

/** The local-only demo users of deploy/keycloak/visaport-realm.json. */
public enum DemoUser {
    APPLICANT("applicant@visaport.local", "Applicant-Local-2026"),
    MEMBER("member@visaport.local", "Member-Local-2026"),
    MODERATOR("moderator@visaport.local", "Moderator-Local-2026"),
    EDITOR("editor@visaport.local", "Editor-Local-2026"),
    ADMIN("admin@visaport.local", "Admin-Local-2026");

    private final String username;
    private final String password;

    DemoUser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
