package org.visaport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.visaport.identity.MembershipContract.PASSWORD;
import static org.visaport.identity.MembershipContract.application;
import static org.visaport.identity.MembershipContract.assertValidationProblem;
import static org.visaport.identity.MembershipContract.newEmail;
import static org.visaport.identity.MembershipContract.roles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.membership.AccessReconciler;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.posting.PostingExpiryJob;
import org.visaport.identity.ratelimit.RateLimitProperties;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;
import org.visaport.testsupport.Parts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The membership rules a security review asked for, end to end over real HTTP against the real Keycloak: no write undoes
 * another (a revoked role stays revoked under a stream of profile edits), only admins act on staff and nobody on
 * themselves, staff roles ({@code admin} included) work only with an active membership, own edits are audited only when they change something
 * and are rate-limited, and applications name the current terms and a posting end. Every test makes its own members.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IdentityApplication.class, MembershipRulesContract.WriteGate.class},
        properties = {
                "visaport.identity.rate-limits.applications-per-address=3",
                "visaport.identity.posting.cron=-",
                "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn"})
abstract class MembershipRulesContract {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PostingExpiryJob postingJob;
    @Autowired
    AccessReconciler reconciler;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    Parts parts;

    Api api;
    KeycloakRealm keycloak;

    @BeforeEach
    void connect() {
        api = new Api(port);
        keycloak = new KeycloakRealm(parts.keycloak());
    }

    // ---- 1. no write undoes another ------------------------------------------------------------------------------

    @Test
    void aRoleRevokedDuringAStreamOfProfileEditsStaysRevokedInTheMembershipAndInKeycloak() throws Exception {
        String email = newEmail();
        String memberId = approvedMember(email);
        assertThat(grant(memberId, "moderator").status()).isEqualTo(200);
        assertThat(keycloakRoles(memberId)).contains("member", "moderator");
        String memberToken = keycloak.accessToken(email, PASSWORD);

        ExecutorService editors = Executors.newFixedThreadPool(4);
        try {
            // One edit is held between its read and its write until the revocation is through (the race made certain);
            // three more editors keep writing around it.
            WriteGate.Held held = WriteGate.hold(memberId);
            Future<ApiClient.Reply> heldEdit = editors.submit(() -> patchProfile(Map.of("postingCity", "Held City"), memberToken));
            assertThat(held.reached.await(30, TimeUnit.SECONDS)).as("the held edit has read the membership").isTrue();
            List<Future<List<ApiClient.Reply>>> streams = new ArrayList<>();
            for (int editor = 0; editor < 3; editor++) {
                int n = editor;
                streams.add(editors.submit(() -> {
                    List<ApiClient.Reply> replies = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        replies.add(patchProfile(Map.of("postingCity", "City " + n + "-" + i), memberToken));
                    }
                    return replies;
                }));
            }
            ApiClient.Reply revoke = api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/moderator", null,
                    token(DemoUser.ADMIN), Map.of());
            held.release.countDown();

            assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
            List<ApiClient.Reply> edits = new ArrayList<>();
            edits.add(heldEdit.get(60, TimeUnit.SECONDS));
            for (Future<List<ApiClient.Reply>> stream : streams) {
                edits.addAll(stream.get(60, TimeUnit.SECONDS));
            }
            assertThat(edits).allSatisfy(edit -> assertThat(edit.status()).as(edit.body()).isEqualTo(200));
        } finally {
            editors.shutdownNow();
        }

        Membership after = membership(memberId);
        assertThat(after.roles()).as("the membership").containsExactly("member");
        await().atMost(Duration.ofSeconds(30)).until(() -> !membership(memberId).accessSyncPending());
        assertThat(keycloakRoles(memberId)).as("Keycloak").contains("member").doesNotContain("moderator");
        reconciler.reconcile();
        assertThat(keycloakRoles(memberId)).as("Keycloak after the next access sync").doesNotContain("moderator");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member").doesNotContain("moderator");
        assertThat(auditActions(memberId)).contains("role-granted:moderator", "role-revoked:moderator");
    }

    // ---- 2. only admins act on staff; nobody on themselves --------------------------------------------------------

    @Test
    void aModeratorCannotSuspendAnAdminWhoHasAMembership() {
        String email = newEmail();
        String memberId = approvedMember(email);
        addKeycloakRealmRole(memberId, "admin");

        ApiClient.Reply suspension = api.post("/api/admin/identity/members/" + memberId + "/suspension",
                Map.of("reason", "disagreement"), token(DemoUser.MODERATOR));

        assertForbidden(suspension);
        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(keycloak.signIn(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminReinstatesStaffAndAdminsRevokeRolesOfASuspendedMember() {
        String email = newEmail();
        String memberId = approvedMember(email);
        assertThat(grant(memberId, "moderator").status()).isEqualTo(200);
        ApiClient.Reply suspended = api.post("/api/admin/identity/members/" + memberId + "/suspension",
                Map.of("reason", "abused moderation"), token(DemoUser.ADMIN));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);

        ApiClient.Reply byModerator = api.post("/api/admin/identity/members/" + memberId + "/reinstatement", null,
                token(DemoUser.MODERATOR));
        assertForbidden(byModerator);
        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.SUSPENDED);

        ApiClient.Reply revoked = api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/moderator", null,
                token(DemoUser.ADMIN), Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(revoked.json().path("statusReason").asString()).as("the suspension's reason stays").isEqualTo("abused moderation");
        assertThat(revoked.json().path("roles").toString()).doesNotContain("moderator");
        assertThat(keycloak.signIn(email, PASSWORD).status()).as("still suspended").isNotEqualTo(200);

        ApiClient.Reply byAdmin = api.post("/api/admin/identity/members/" + memberId + "/reinstatement", null, token(DemoUser.ADMIN));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(byAdmin.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member").doesNotContain("moderator");
        assertThat(keycloakRoles(memberId)).doesNotContain("moderator");
    }

    @Test
    void nobodyDecidesAboutTheirOwnMembershipNotEvenAnAdmin() {
        String email = newEmail();
        String memberId = approvedMember(email);
        assertThat(grant(memberId, "moderator").status()).isEqualTo(200);
        assertThat(grant(memberId, "admin").status()).isEqualTo(200);
        String ownToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(ownToken)).contains("admin", "moderator");

        assertForbidden(api.post("/api/admin/identity/members/" + memberId + "/suspension", Map.of("reason", "test"), ownToken));
        assertForbidden(api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/moderator", null, ownToken, Map.of()));
        assertForbidden(api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/editor", null, ownToken, Map.of()));
        assertForbidden(api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/admin", null, ownToken, Map.of()));
        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(membership(memberId).roles()).containsExactlyInAnyOrder("member", "moderator", "admin");

        // On others, this admin with an active membership acts as any admin.
        String otherId = approvedMember(newEmail());
        ApiClient.Reply granted = api.call("PUT", "/api/admin/identity/members/" + otherId + "/roles/editor", null, ownToken, Map.of());
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    }

    // ---- 5. staff roles need an active membership ----------------------------------------------------------------

    @Test
    void lapsedStaffLoseTheirPowersAtOnceAndRegainThemWithANewPosting() {
        String email = newEmail();
        String memberId = approvedMember(email);
        assertThat(grant(memberId, "moderator").status()).isEqualTo(200);
        String moderatorToken = keycloak.accessToken(email, PASSWORD);
        assertThat(api.get("/api/admin/identity/applications", moderatorToken).status()).isEqualTo(200);

        setPostingEnd(memberId, LocalDate.now().minusDays(1));
        postingJob.run();

        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(keycloakRoles(memberId)).as("Keycloak withholds the staff role").doesNotContain("member", "moderator");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).doesNotContain("member", "moderator");
        assertForbidden(api.get("/api/admin/identity/applications", moderatorToken));

        ApiClient.Reply renewed = patchProfile(Map.of("postingEndsOn", LocalDate.now().plusYears(2).toString()),
                keycloak.accessToken(email, PASSWORD));
        assertThat(renewed.json().path("status").asString()).isEqualTo("ACTIVE");
        String renewedToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(renewedToken)).contains("member", "moderator");
        assertThat(api.get("/api/admin/identity/applications", renewedToken).status()).isEqualTo(200);
    }

    @Test
    void anAdminWhosePostingLapsesLosesAdminInKeycloakAndGetsItBackWithANewPosting() {
        String email = newEmail();
        String memberId = approvedMember(email);
        ApiClient.Reply granted = grant(memberId, "admin");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(keycloakRoles(memberId)).contains("member", "admin");
        String adminToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(adminToken)).contains("admin");
        assertThat(api.get("/api/admin/identity/audit?limit=1", adminToken).status()).isEqualTo(200);

        setPostingEnd(memberId, LocalDate.now().minusDays(1));
        postingJob.run();

        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(membership(memberId).roles()).as("the grant stays recorded").containsExactly("admin");
        assertThat(keycloakRoles(memberId)).as("Keycloak withholds admin").doesNotContain("member", "admin");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).doesNotContain("member", "admin");
        assertForbidden(api.get("/api/admin/identity/audit?limit=1", adminToken));

        ApiClient.Reply renewed = patchProfile(Map.of("postingEndsOn", LocalDate.now().plusYears(2).toString()),
                keycloak.accessToken(email, PASSWORD));
        assertThat(renewed.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(keycloakRoles(memberId)).contains("member", "admin");
        String renewedToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(renewedToken)).contains("member", "admin");
        assertThat(api.get("/api/admin/identity/audit?limit=1", renewedToken).status()).isEqualTo(200);
    }

    @Test
    void anAdminMadeInKeycloakBeforeMembershipsRecordedItKeepsItButNotWhileLapsed() {
        String email = newEmail();
        String memberId = approvedMember(email);
        // As before admin was a role memberships decide about: given in Keycloak by hand, unknown to the membership.
        addKeycloakRealmRole(memberId, "admin");
        mongo.updateFirst(Query.query(Criteria.where("memberId").is(memberId)), new Update().unset("adminAdopted"),
                Membership.class);

        // The next access sync (here a grant's) does not drop it.
        assertThat(grant(memberId, "editor").status()).isEqualTo(200);
        assertThat(keycloakRoles(memberId)).as("not dropped").contains("member", "editor", "admin");
        String adminToken = keycloak.accessToken(email, PASSWORD);
        assertThat(api.get("/api/admin/identity/audit?limit=1", adminToken).status()).isEqualTo(200);

        setPostingEnd(memberId, LocalDate.now().minusDays(1));
        postingJob.run();

        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(keycloakRoles(memberId)).as("a lapsed member holds no staff role").doesNotContain("member", "editor", "admin");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).doesNotContain("admin");
        assertForbidden(api.get("/api/admin/identity/audit?limit=1", adminToken));
        assertThat(membership(memberId).roles()).as("taken over by the membership").containsExactlyInAnyOrder("editor", "admin");
        assertThat(auditActions(memberId)).contains("role-adopted:admin");

        ApiClient.Reply renewed = patchProfile(Map.of("postingEndsOn", LocalDate.now().plusYears(2).toString()),
                keycloak.accessToken(email, PASSWORD));
        assertThat(renewed.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member", "editor", "admin");
    }

    @Test
    void adminsGrantAndRevokeAdminAndModeratorsCannot() {
        String email = newEmail();
        String memberId = approvedMember(email);

        assertForbidden(api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/admin", null,
                token(DemoUser.MODERATOR), Map.of()));
        assertThat(keycloakRoles(memberId)).doesNotContain("admin");
        assertThat(membership(memberId).roles()).doesNotContain("admin");

        ApiClient.Reply granted = grant(memberId, "admin");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("roles").toString()).contains("admin");
        assertThat(keycloakRoles(memberId)).contains("member", "admin");
        String adminToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(adminToken)).contains("admin");
        assertThat(api.get("/api/admin/identity/audit?limit=1", adminToken).status()).isEqualTo(200);

        assertForbidden(api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/admin", null,
                token(DemoUser.MODERATOR), Map.of()));
        assertThat(keycloakRoles(memberId)).contains("admin");

        ApiClient.Reply revoked = api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/admin", null,
                token(DemoUser.ADMIN), Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(membership(memberId).roles()).containsExactly("member");
        assertThat(keycloakRoles(memberId)).contains("member").doesNotContain("admin");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).doesNotContain("admin");
        assertForbidden(api.get("/api/admin/identity/audit?limit=1", adminToken));
        assertThat(auditActions(memberId)).contains("role-granted:admin", "role-revoked:admin");
    }

    @Test
    void aRevokedModeratorsTokenNoLongerModeratesHere() {
        String email = newEmail();
        String memberId = approvedMember(email);
        assertThat(grant(memberId, "moderator").status()).isEqualTo(200);
        String moderatorToken = keycloak.accessToken(email, PASSWORD);
        assertThat(api.get("/api/admin/identity/applications", moderatorToken).status()).isEqualTo(200);

        api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/moderator", null, token(DemoUser.ADMIN), Map.of());

        assertForbidden(api.get("/api/admin/identity/applications", moderatorToken));
    }

    @Test
    void aMemberWhoLapsedAndWasThenSuspendedIsReinstatedAsLapsed() {
        String email = newEmail();
        String memberId = approvedMember(email);
        setPostingEnd(memberId, LocalDate.now().minusDays(1));
        postingJob.run();
        assertThat(membership(memberId).status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(api.post("/api/admin/identity/members/" + memberId + "/suspension", Map.of("reason", "shared the account"),
                token(DemoUser.MODERATOR)).status()).isEqualTo(200);

        ApiClient.Reply reinstated = api.post("/api/admin/identity/members/" + memberId + "/reinstatement", null,
                token(DemoUser.MODERATOR));

        assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
        assertThat(reinstated.json().path("status").asString()).as("the posting has still ended").isEqualTo("LAPSED");
        String lapsedToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(lapsedToken)).doesNotContain("member");
        ApiClient.Reply renewed = patchProfile(Map.of("postingEndsOn", LocalDate.now().plusYears(1).toString()), lapsedToken);
        assertThat(renewed.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member");
    }

    // ---- 7. own edits: audited when they change something, and limited ---------------------------------------------

    @Test
    void onlyRealProfileChangesAreAuditedAndPublished() {
        String email = newEmail();
        String memberId = approvedMember(email);
        String memberToken = keycloak.accessToken(email, PASSWORD);
        List<String> before = auditActions(memberId);

        for (int i = 0; i < 3; i++) {
            ApiClient.Reply same = patchProfile(Map.of("postingCity", "Vienna", "language", "de"), memberToken);
            assertThat(same.status()).as(same.body()).isEqualTo(200);
        }
        assertThat(auditActions(memberId)).as("edits that change nothing").isEqualTo(before);

        assertThat(patchProfile(Map.of("displayName", "Amb. Envoy"), memberToken).status()).isEqualTo(200);
        assertThat(patchProfile(Map.of("displayName", " Amb. Envoy "), memberToken).status()).isEqualTo(200);
        assertThat(patchProfile(Map.of("displayName", "Amb. A. Envoy", "postingCity", "Vienna"), memberToken).status()).isEqualTo(200);

        JsonNode trail = api.get("/api/admin/identity/audit?memberId=" + memberId + "&limit=100", token(DemoUser.ADMIN)).json();
        assertThat(trail.path("items").findValuesAsString("action")).hasSize(before.size() + 2);
        assertThat(trail.path("items").get(before.size()).path("reason").asString()).isEqualTo("changed: displayName");
        List<JsonNode> events = EventProbe.await(parts.kafkaBootstrapServers(), "visaport.member.events",
                event -> memberId.equals(event.path("subject").asString())
                        && "member.profile-updated".equals(event.path("type").asString()), 2);
        assertThat(events).extracting(event -> event.path("data").path("displayName").asString())
                .containsExactly("Amb. Envoy", "Amb. A. Envoy");
    }

    @Test
    void profileEditsAreRateLimitedPerMember() {
        String email = newEmail();
        approvedMember(email);
        String memberToken = keycloak.accessToken(email, PASSWORD);

        for (int i = 0; i < limits.profileEditsPerMember(); i++) {
            ApiClient.Reply edit = patchProfile(Map.of("displayName", "Envoy " + (i % 2)), memberToken);
            assertThat(edit.status()).as("edit %d: %s", i + 1, edit.body()).isEqualTo(200);
        }
        ApiClient.Reply limited = patchProfile(Map.of("displayName", "One too many"), memberToken);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("type").asString()).isEqualTo("https://visaport.example/problems/rate-limited");
        assertThat(limited.json().path("limit").asInt()).isEqualTo(limits.profileEditsPerMember());
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/identity/me/profile", memberToken).json().path("displayName").asString())
                .isNotEqualTo("One too many");
    }

    // ---- 8. terms version and posting end ------------------------------------------------------------------------

    @Test
    void applicationsNameTheCurrentTermsAndAPostingEndNotFarAhead() {
        Map<String, Object> oldTerms = application(newEmail());
        oldTerms.put("termsVersion", "1999-01");
        assertValidationProblem(apply(oldTerms), "termsVersion");

        Map<String, Object> noEnd = application(newEmail());
        noEnd.remove("postingEndsOn");
        assertValidationProblem(apply(noEnd), "postingEndsOn");

        Map<String, Object> farAhead = application(newEmail());
        farAhead.put("postingEndsOn", LocalDate.now().plusYears(6).toString());
        assertValidationProblem(apply(farAhead), "postingEndsOn");

        for (Map<String, Object> refused : List.of(oldTerms, noEnd, farAhead)) {
            assertThat(mongo.count(Query.query(Criteria.where("email").is(refused.get("email"))), Membership.class)).isZero();
        }

        String email = newEmail();
        approvedMember(email);
        assertValidationProblem(patchProfile(Map.of("postingEndsOn", LocalDate.now().plusYears(6).toString()),
                keycloak.accessToken(email, PASSWORD)), "postingEndsOn");
    }

    // ---- the race made certain ---------------------------------------------------------------------------------------

    /**
     * Holds one profile edit of one member between its read and its write: the audit entry is made in between (it
     * travels in the same update as the change), so the edit waits there until the test lets it go.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class WriteGate {

        record Held(String memberId, CountDownLatch reached, CountDownLatch release, AtomicBoolean taken) {
        }

        private static volatile Held held;

        static Held hold(String memberId) {
            held = new Held(memberId, new CountDownLatch(1), new CountDownLatch(1), new AtomicBoolean());
            return held;
        }

        @Bean
        @Primary
        AuditLog gatedAuditLog(MongoTemplate mongo, JsonMapper json) {
            return new AuditLog(mongo, json) {
                @Override
                public OutboxEvent localStep(AuditEntry entry) {
                    Held h = held;
                    if (h != null && h.memberId().equals(entry.memberId()) && "profile-updated".equals(entry.action())
                            && h.taken().compareAndSet(false, true)) {
                        h.reached().countDown();
                        try {
                            h.release().await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return super.localStep(entry);
                }
            };
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    ApiClient.Reply patchProfile(Map<String, Object> patch, String memberToken) {
        return api.call("PATCH", "/api/identity/me/profile", patch, memberToken, Map.of());
    }

    ApiClient.Reply grant(String memberId, String role) {
        return api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/" + role, null, token(DemoUser.ADMIN), Map.of());
    }

    List<String> auditActions(String memberId) {
        return api.get("/api/admin/identity/audit?memberId=" + memberId + "&limit=100", token(DemoUser.ADMIN)).json()
                .path("items").findValuesAsString("action");
    }

    Membership membership(String memberId) {
        return mongo.findOne(Query.query(Criteria.where("memberId").is(memberId)), Membership.class);
    }

    void setPostingEnd(String memberId, LocalDate endsOn) {
        mongo.updateFirst(Query.query(Criteria.where("memberId").is(memberId)),
                new Update().set("credentials.postingEndsOn", endsOn), Membership.class);
    }

    /** Applied, e-mail address verified and approved by a moderator; waits for the application to be written. */
    String approvedMember(String email) {
        ApiClient.Reply applied = apply(application(email));
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        await("application of " + email + " written").atMost(Duration.ofSeconds(30)).until(() -> {
            Membership m = mongo.findOne(Query.query(Criteria.where("email").is(email)), Membership.class);
            return m != null && m.memberId() != null && m.status() == MembershipStatus.PENDING_VERIFICATION;
        });
        String memberId = mongo.findOne(Query.query(Criteria.where("email").is(email)), Membership.class).memberId();
        keycloak.verifyEmail(email);
        ApiClient.Reply approved = api.post("/api/admin/identity/applications/" + memberId + "/approval", null,
                token(DemoUser.MODERATOR));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return memberId;
    }

    ApiClient.Reply apply(Map<String, Object> body) {
        int n = ADDRESSES.incrementAndGet();
        return api.call("POST", "/api/identity/applications", body, null,
                Map.of("X-Forwarded-For", "10.78." + (n / 250) + "." + (n % 250 + 1)));
    }

    String token(DemoUser user) {
        return parts.keycloak().accessToken(user);
    }

    /** The realm roles Keycloak holds for the user, read with the admin API. */
    List<String> keycloakRoles(String userId) {
        JsonNode mappings = JSON.readTree(admin("GET", "/users/" + userId + "/role-mappings/realm", null));
        List<String> names = new ArrayList<>();
        mappings.forEach(role -> names.add(role.path("name").asString()));
        return names;
    }

    /** What a Keycloak administrator does by hand, outside the membership (as admins were made before it recorded them). */
    void addKeycloakRealmRole(String userId, String role) {
        String representation = admin("GET", "/roles/" + role, null);
        admin("POST", "/users/" + userId + "/role-mappings/realm", "[" + representation + "]");
    }

    private String admin(String method, String path, String body) {
        KeycloakTokens tokens = parts.keycloak();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokens.issuerUri().replace("/realms/", "/admin/realms/") + path))
                .header("Authorization", "Bearer " + tokens.otherIssuerToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertForbidden(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/forbidden");
    }
}
