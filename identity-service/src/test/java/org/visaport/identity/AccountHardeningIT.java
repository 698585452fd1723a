package org.visaport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;
import org.visaport.testsupport.TestMail;
import org.visaport.testsupport.WithEmbeddedParts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a member can and cannot do with the own account in Keycloak, behind VisaPort's back: the name (the byline on
 * articles and comments) and the address are VisaPort's record, offline sessions are not handed out and do not survive
 * a suspension, and a forgotten password is reset through the mailed link. Same context set-up as MembershipIT.
 */
@WithEmbeddedParts
class AccountHardeningIT extends IdentityApiTest {

    private static final Pattern RESET_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");


    @Test
    void membersCannotRenameThemselvesOrChangeTheAddressInKeycloaksAccountConsole() {
        String email = newMember();
        String token = keycloak.accessToken(email, MembershipContract.PASSWORD);
        ObjectNode account = (ObjectNode) keycloak.ownAccount(token);
        account.put("firstName", "Spoofed").put("lastName", "Ambassador").put("email", "someone.else@mission.example");

        int status = keycloak.updateOwnAccount(token, account);

        assertThat(status).as("the account console refuses the edit").isEqualTo(400);
        JsonNode user = keycloak.user(email).orElseThrow();
        assertThat(user.path("firstName").asString()).isEqualTo("Anna");
        assertThat(user.path("email").asString()).isEqualTo(email);
        assertThat(KeycloakTokens.claims(keycloak.accessToken(email, MembershipContract.PASSWORD)).path("name").asString())
                .isEqualTo("Anna Maria Envoy");
    }

    @Test
    void membersGetNoOfflineSession() {
        String email = newMember();

        KeycloakRealm.Grant offline = keycloak.signIn(email, MembershipContract.PASSWORD, "openid offline_access");

        assertThat(offline.status()).as(offline.body()).isEqualTo(400);
        assertThat(offline.body()).as("no client of ours offers the offline_access scope").contains("invalid_scope");
    }

    @Test
    void anOfflineSessionDoesNotSurviveSuspension() {
        String email = newMember();
        // A client that needs offline access got it from an administrator, and so did the member.
        keycloak.offerOfflineAccess(KeycloakTokens.CLI_CLIENT);
        keycloak.grantRealmRole(email, "offline_access");
        String offline = keycloak.tokens(email, MembershipContract.PASSWORD, "openid offline_access").path("refresh_token").asString();
        assertThat(KeycloakTokens.claims(offline).path("typ").asString()).isEqualTo("Offline");
        String memberId = memberIdOf(email);

        decide(memberId, "suspension", Map.of("reason", "abusive comments"));
        decide(memberId, "reinstatement", Map.of("note", "apologised"));

        assertThat(keycloak.refresh(offline)).as("the offline token from before the suspension").isEqualTo(400);
        assertThat(keycloak.signIn(email, MembershipContract.PASSWORD).status()).as("signing in again works").isEqualTo(200);
    }

    @Test
    void aForgottenPasswordIsResetThroughTheLinkKeycloakMails() {
        String email = newMember();

        KeycloakRealm.Page sent = keycloak.forgotPassword(email);

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        TestMail.Mail mail = await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.receivedBy(email).stream()
                .filter(m -> m.subject().toLowerCase().contains("password")).findFirst(), java.util.Optional::isPresent).orElseThrow();
        Matcher link = RESET_LINK.matcher(mail.text());
        assertThat(link.find()).as("a reset link in: " + mail.text()).isTrue();
        KeycloakRealm.Page reset = keycloak.setNewPassword(link.group(), "Renewed-Posting-2027");
        assertThat(reset.status()).as(reset.body()).isLessThan(400);
        assertThat(keycloak.signIn(email, "Renewed-Posting-2027").status()).as("the new password works").isEqualTo(200);
        assertThat(keycloak.signIn(email, MembershipContract.PASSWORD).status()).as("the old one does not").isNotEqualTo(200);
    }

    /** An approved member of its own, so no test changes the demo users others rely on. */
    private String newMember() {
        String email = MembershipContract.newEmail();
        ApiClient.Reply applied = api.call("POST", "/api/identity/applications", MembershipContract.application(email), null,
                Map.of("X-Forwarded-For", MembershipContract.nextAddress()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        String memberId = memberIdOf(email);
        keycloak.verifyEmail(email);
        decide(memberId, "approval", Map.of());
        return email;
    }

    private void decide(String memberId, String decision, Map<String, Object> body) {
        String path = decision.equals("approval") ? "/api/admin/identity/applications/" + memberId + "/approval"
                : "/api/admin/identity/members/" + memberId + "/" + decision;
        ApiClient.Reply reply = api.post(path, body, parts.keycloak().accessToken(DemoUser.MODERATOR));
        assertThat(reply.status()).as(decision + ": " + reply.body()).isEqualTo(200);
    }

}
