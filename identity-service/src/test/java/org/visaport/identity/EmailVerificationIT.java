package org.visaport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.identity.membership.Membership;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.TestMail;
import org.visaport.testsupport.WithEmbeddedParts;
import tools.jackson.databind.JsonNode;

/**
 * The applicant's side of the verification: Keycloak mails the link to the tests' SMTP server, and opening it (as a
 * browser does) confirms the address, after which a moderator may approve. Same context set-up as MembershipIT, so
 * Spring reuses that context.
 */
@WithEmbeddedParts
class EmailVerificationIT extends IdentityApiTest {

    private static final Pattern VERIFICATION_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");


    @Test
    void theLinkInTheVerificationMailConfirmsTheAddress() {
        String email = MembershipContract.newEmail();
        ApiClient.Reply applied = api.call("POST", "/api/identity/applications", MembershipContract.application(email), null,
                Map.of("X-Forwarded-For", MembershipContract.nextAddress()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        // The account is made after the answer; the mail comes once it is.
        TestMail.Mail mail = TestMail.await(email, Duration.ofSeconds(30));
        String memberId = mongo.findOne(Query.query(Criteria.where("email").is(email)), Membership.class).memberId();
        Matcher link = VERIFICATION_LINK.matcher(mail.text());
        assertThat(link.find()).as("a verification link in: " + mail.text()).isTrue();
        assertThat(link.group()).startsWith(parts.keycloak().issuerUri() + "/login-actions/action-token?");
        assertThat(keycloak.user(email).orElseThrow().path("emailVerified").asBoolean()).isFalse();
        assertThat(approve(memberId).status()).as("approval before the click").isEqualTo(409);

        KeycloakRealm.Page page = keycloak.openMailLink(link.group());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode user = keycloak.user(email).orElseThrow();
        assertThat(user.path("emailVerified").asBoolean()).as("Keycloak says the address is verified").isTrue();
        assertThat(user.path("requiredActions").toString()).doesNotContain("VERIFY_EMAIL");
        assertThat(keycloak.signIn(email, MembershipContract.PASSWORD).status()).as("the applicant may sign in").isEqualTo(200);
        ApiClient.Reply approved = approve(memberId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
    }

    private ApiClient.Reply approve(String memberId) {
        return api.post("/api/admin/identity/applications/" + memberId + "/approval", null, parts.keycloak().accessToken(DemoUser.MODERATOR));
    }
}
