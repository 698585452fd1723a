package org.visaport.identity;

import org.visaport.testsupport.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.visaport.identity.membership.AccessReconciler;
import org.visaport.identity.application.UnconfirmedApplications;
import org.visaport.identity.keycloak.LostCreateAnswers;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.posting.PostingExpiryJob;
import org.visaport.testsupport.DemoUser;
import tools.jackson.databind.JsonNode;

/**
 * Membership end to end over real HTTP, against the real Keycloak, Kafka and a MongoDB (the embedded wire server or a
 * container, chosen by the subclass). Every test makes its own applicants, so order does not matter.
 */
abstract class MembershipContract extends IdentityApiTest {

    static final String PASSWORD = "Diplomatic-Pouch-2026";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    PostingExpiryJob postingJob;
    @Autowired
    AccessReconciler reconciler;
    @Autowired
    UnconfirmedApplications unconfirmed;

    // ---- apply → verify → approve --------------------------------------------------------------------------------

    @Test
    void anApprovedApplicantSignsInWithTheMemberRole() {
        String email = newEmail();
        assertThat(apply(application(email), Map.of()).status()).isEqualTo(202);
        String memberId = memberIdOf(email);

        assertThat(keycloak.signIn(email, PASSWORD).status()).as("e-mail not yet verified").isNotEqualTo(200);
        ApiClient.Reply tooEarly = api.post("/api/admin/identity/applications/" + memberId + "/approval", null, token(DemoUser.MODERATOR));
        assertThat(tooEarly.status()).as("approval before the e-mail address is confirmed").isEqualTo(409);
        assertThat(api.get("/api/admin/identity/applications/" + memberId, token(DemoUser.MODERATOR)).json()
                .path("emailVerified").asBoolean()).as("not confirmed yet").isFalse();
        keycloak.verifyEmail(email);
        String applicantToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(applicantToken)).contains("applicant").doesNotContain("member");

        ApiClient.Reply pending = api.get("/api/admin/identity/applications/" + memberId, token(DemoUser.MODERATOR));
        assertThat(pending.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(pending.json().path("emailVerified").asBoolean()).as("confirmed now").isTrue();
        assertThat(pending.json().path("countryCode").asString()).isEqualTo("AT");
        assertThat(pending.json().path("accreditationNumber").asString()).as("masked for moderators")
                .endsWith("4567").doesNotContain("DIP-");

        ApiClient.Reply approved = api.post("/api/admin/identity/applications/" + memberId + "/approval",
                Map.of("note", "credentials checked with the protocol office"), token(DemoUser.MODERATOR));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.json().path("accessSynced").asBoolean()).isTrue();
        assertThat(approved.json().path("emailVerified").asBoolean()).isTrue();

        String memberToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(memberToken)).contains("member").doesNotContain("applicant");
        assertThat(subject(memberToken)).isEqualTo(memberId);

        ApiClient.Reply profile = api.get("/api/identity/me/profile", memberToken);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().path("accreditationNumber").asString()).isEqualTo("DIP-AT-1234567");

        ApiClient.Reply audit = api.get("/api/admin/identity/audit?memberId=" + memberId, token(DemoUser.ADMIN));
        assertThat(audit.json().path("items").findValuesAsString("action")).containsExactly("applied", "approved");
        assertThat(audit.json().path("items").get(1).path("reason").asString()).contains("protocol office");

        List<JsonNode> events = EventProbe.await(parts.kafkaBootstrapServers(), "visaport.member.events",
                event -> memberId.equals(event.path("subject").asString()), 2);
        assertThat(events).extracting(event -> event.path("type").asString()).containsExactly("member.applied", "member.approved");
        assertThat(events.getFirst().path("specversion").asString()).isEqualTo("1.0");
        assertThat(events.getFirst().path("source").asString()).isEqualTo("/identity-service");
        assertThat(events.getFirst().path("dataschema").asString()).isEqualTo("https://visaport.example/schemas/member.applied/1");
        assertThat(events.toString()).as("public events carry no personal data").doesNotContain(email, "1234567");
        assertThat(eventually(() -> {
            Membership relayed = mongo.findOne(Query.query(Criteria.where("memberId").is(memberId)), Membership.class);
            return relayed.outbox().isEmpty();
        })).as("relayed entries leave the outbox").isTrue();
    }

    @Test
    void aRejectedApplicantCannotSignIn() {
        String email = newEmail();
        apply(application(email), Map.of());
        String memberId = memberIdOf(email);
        keycloak.verifyEmail(email);

        ApiClient.Reply noReason = api.post("/api/admin/identity/applications/" + memberId + "/rejection", Map.of(), token(DemoUser.MODERATOR));
        assertValidationProblem(noReason, "reason");

        ApiClient.Reply rejected = api.post("/api/admin/identity/applications/" + memberId + "/rejection",
                Map.of("reason", "accreditation number unknown to the host ministry"), token(DemoUser.MODERATOR));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(keycloak.signIn(email, PASSWORD).status()).isNotEqualTo(200);

        ApiClient.Reply again = api.post("/api/admin/identity/applications/" + memberId + "/approval", null, token(DemoUser.MODERATOR));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).isEqualTo("https://visaport.example/problems/conflict");
    }

    @Test
    void moderatorsCanAskForMoreInformationBeforeApproving() {
        String email = newEmail();
        apply(application(email), Map.of());
        String memberId = memberIdOf(email);

        ApiClient.Reply asked = api.post("/api/admin/identity/applications/" + memberId + "/information-request",
                Map.of("reason", "please send a copy of your accreditation card"), token(DemoUser.MODERATOR));
        assertThat(asked.json().path("status").asString()).isEqualTo("INFORMATION_REQUESTED");

        ApiClient.Reply listed = api.get("/api/admin/identity/applications?status=INFORMATION_REQUESTED&limit=100", token(DemoUser.ADMIN));
        assertThat(listed.json().path("items").findValuesAsString("memberId")).contains(memberId);
        assertThat(listed.json().path("items").findValuesAsString("accreditationNumber")).as("admins see it in full")
                .contains("DIP-AT-1234567");
        assertThat(listedItem("INFORMATION_REQUESTED", memberId).path("emailVerified").asBoolean()).as("not confirmed yet").isFalse();

        keycloak.verifyEmail(email);
        assertThat(listedItem("INFORMATION_REQUESTED", memberId).path("emailVerified").asBoolean()).as("confirmed now").isTrue();
        assertThat(mongo.findOne(Query.query(Criteria.where("memberId").is(memberId)), Membership.class).emailConfirmedAt())
                .as("recorded, so Keycloak is not asked about it again").isNotNull();
        String applicantToken = keycloak.accessToken(email, PASSWORD);
        ApiClient.Reply corrected = api.call("PATCH", "/api/identity/me/application",
                Map.of("accreditationNumber", "DIP-AT-7654321", "note", "card scan sent by post"), applicantToken, Map.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(corrected.json().path("accreditationNumber").asString()).isEqualTo("DIP-AT-7654321");
        assertValidationProblem(api.call("PATCH", "/api/identity/me/application", Map.of("countryCode", "ZZ"),
                applicantToken, Map.of()), "countryCode");

        ApiClient.Reply approved = api.post("/api/admin/identity/applications/" + memberId + "/approval", null, token(DemoUser.ADMIN));
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.call("PATCH", "/api/identity/me/application", Map.of("position", "Counsellor"),
                keycloak.accessToken(email, PASSWORD), Map.of()).status()).as("no changes after approval").isEqualTo(409);
    }

    @Test
    void describesItsApi() {
        ApiClient.Reply docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames()).contains("/api/identity/applications",
                "/api/identity/me/profile", "/api/admin/identity/applications", "/api/admin/identity/audit");
    }

    @Test
    void listsArePagedWithACursor() {
        apply(application(newEmail()), Map.of());
        apply(application(newEmail()), Map.of());
        ApiClient.Reply first = api.get("/api/admin/identity/applications?status=PENDING_VERIFICATION&limit=1", token(DemoUser.MODERATOR));
        assertThat(first.json().path("items")).hasSize(1);
        String cursor = first.json().path("nextCursor").asString();
        assertThat(cursor).isNotBlank();
        ApiClient.Reply second = api.get("/api/admin/identity/applications?status=PENDING_VERIFICATION&limit=1&cursor=" + cursor,
                token(DemoUser.MODERATOR));
        assertThat(second.json().path("items").get(0).path("memberId").asString())
                .isNotEqualTo(first.json().path("items").get(0).path("memberId").asString());

        assertValidationProblem(api.get("/api/admin/identity/applications?cursor=nonsense", token(DemoUser.MODERATOR)), "cursor");
        assertThat(api.get("/api/admin/identity/applications?limit=101", token(DemoUser.MODERATOR)).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/identity/applications?status=NOPE", token(DemoUser.MODERATOR)).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/identity/applications", token(DemoUser.MEMBER)).status()).isEqualTo(403);
    }

    @Test
    void aCursorOnlyFitsTheListItCameFrom() {
        for (String email : List.of(newEmail(), newEmail())) {
            apply(application(email), Map.of());
            memberIdOf(email);
        }
        String pendingCursor = api.get("/api/admin/identity/applications?status=PENDING_VERIFICATION&limit=1",
                token(DemoUser.MODERATOR)).json().path("nextCursor").asString();
        assertThat(pendingCursor).isNotBlank();
        assertValidationProblem(api.get("/api/admin/identity/applications?status=ACTIVE&limit=1&cursor=" + pendingCursor,
                token(DemoUser.MODERATOR)), "cursor");
        assertValidationProblem(api.get("/api/admin/identity/audit?limit=1&cursor=" + pendingCursor, token(DemoUser.ADMIN)),
                "cursor");

        ApiClient.Reply trail = api.get("/api/admin/identity/audit?limit=1", token(DemoUser.ADMIN));
        assertThat(trail.json().path("items").get(0).path("action").asString()).isNotBlank();
        String trailCursor = trail.json().path("nextCursor").asString();
        assertThat(api.get("/api/admin/identity/audit?limit=1&cursor=" + trailCursor, token(DemoUser.ADMIN)).status()).isEqualTo(200);
        assertValidationProblem(api.get("/api/admin/identity/audit?memberId=someone-else&limit=1&cursor=" + trailCursor,
                token(DemoUser.ADMIN)), "cursor");
    }

    // ---- suspension and roles ------------------------------------------------------------------------------------

    @Test
    void aSuspendedMembersTokenIsRefusedAndSignInFails() {
        String email = newEmail();
        String memberId = approvedMember(email);
        String memberToken = keycloak.accessToken(email, PASSWORD);
        assertThat(api.get("/api/identity/me/profile", memberToken).status()).isEqualTo(200);

        ApiClient.Reply suspended = api.post("/api/admin/identity/members/" + memberId + "/suspension",
                Map.of("reason", "shared the account"), token(DemoUser.MODERATOR));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().path("status").asString()).isEqualTo("SUSPENDED");

        ApiClient.Reply refused = api.get("/api/identity/me/profile", memberToken);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://visaport.example/problems/unauthorized");
        assertThat(keycloak.signIn(email, PASSWORD).status()).as("Keycloak user disabled").isNotEqualTo(200);

        ApiClient.Reply reinstated = api.post("/api/admin/identity/members/" + memberId + "/reinstatement", null, token(DemoUser.MODERATOR));
        assertThat(reinstated.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member");
    }

    @Test
    void onlyAdminsChangeRoles() {
        String email = newEmail();
        String memberId = approvedMember(email);

        ApiClient.Reply byModerator = api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/moderator", null,
                token(DemoUser.MODERATOR), Map.of());
        assertThat(byModerator.status()).isEqualTo(403);
        assertThat(byModerator.json().path("type").asString()).isEqualTo("https://visaport.example/problems/forbidden");

        ApiClient.Reply granted = api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/moderator", null,
                token(DemoUser.ADMIN), Map.of());
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member", "moderator");

        ApiClient.Reply staffSuspension = api.post("/api/admin/identity/members/" + memberId + "/suspension",
                Map.of("reason", "disagreement"), token(DemoUser.MODERATOR));
        assertThat(staffSuspension.status()).as("a moderator cannot suspend another moderator").isEqualTo(403);

        assertValidationProblem(api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/owner", null,
                token(DemoUser.ADMIN), Map.of()), "role");
        assertValidationProblem(api.call("PUT", "/api/admin/identity/members/" + memberId + "/roles/member", null,
                token(DemoUser.ADMIN), Map.of()), "role");

        ApiClient.Reply revoked = api.call("DELETE", "/api/admin/identity/members/" + memberId + "/roles/moderator", null,
                token(DemoUser.ADMIN), Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member").doesNotContain("moderator");

        assertThat(api.get("/api/admin/identity/audit?memberId=" + memberId, token(DemoUser.MODERATOR)).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/identity/audit?memberId=" + memberId, token(DemoUser.ADMIN)).json().path("items")
                .findValuesAsString("action")).contains("role-granted:moderator", "role-revoked:moderator");
    }

    // ---- enumeration, idempotency, consistency -------------------------------------------------------------------

    @Test
    void aSecondApplicationForAKnownAddressGetsTheSameAnswer() {
        String email = newEmail();
        ApiClient.Reply first = apply(application(email), Map.of());
        ApiClient.Reply second = apply(application(email), Map.of());
        ApiClient.Reply staff = apply(application(DemoUser.MEMBER.username()), Map.of());

        assertThat(List.of(second.status(), staff.status())).containsOnly(first.status());
        assertThat(List.of(second.body(), staff.body())).containsOnly(first.body());
        assertThat(mongo.count(Query.query(Criteria.where("email").is(email)), Membership.class)).isEqualTo(1);

        String memberId = memberIdOf(email);
        List<JsonNode> notices = EventProbe.await(parts.kafkaBootstrapServers(), "visaport.member.notifications",
                event -> memberId.equals(event.path("subject").asString())
                        && "duplicate-application".equals(event.path("data").path("template").asString()), 1);
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().path("data").path("email").asString()).isEqualTo(email);
    }

    @Test
    void aKnownAndAnUnknownAddressCannotBeToldApartByTheAnswerOrItsTiming() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String email = newEmail();
            assertThat(apply(application(email), Map.of()).status()).isEqualTo(202);
            known.add(email);
        }
        known.forEach(this::memberIdOf);

        // A weak password: the same refusal for both.
        Map<String, Object> weakKnown = application(known.getFirst());
        Map<String, Object> weakUnknown = application(newEmail());
        weakKnown.put("password", "all-lowercase-no-digits");
        weakUnknown.put("password", "all-lowercase-no-digits");
        ApiClient.Reply refusedKnown = apply(weakKnown, Map.of());
        ApiClient.Reply refusedUnknown = apply(weakUnknown, Map.of());
        assertThat(refusedKnown.status()).isEqualTo(400);
        assertThat(refusedKnown.json().path("errors")).isEqualTo(refusedUnknown.json().path("errors"));

        // Valid applications, alternating so that load and warm-up fall on both kinds alike.
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        for (String email : known) {
            knownMillis.add(timed(application(email)));
            unknownMillis.add(timed(application(newEmail())));
        }
        System.out.printf("Answer times of valid applications: known address median %d ms (IQR %d), unknown %d ms (IQR %d)%n",
                median(knownMillis), interquartileRange(knownMillis), median(unknownMillis), interquartileRange(unknownMillis));
        long medianGap = Math.abs(median(knownMillis) - median(unknownMillis));
        long spread = Math.max(5, Math.max(interquartileRange(knownMillis), interquartileRange(unknownMillis)));
        assertThat(medianGap).as("median answer time, known %s ms vs unknown %s ms", knownMillis, unknownMillis)
                .isLessThanOrEqualTo(spread);
    }

    private long timed(Map<String, Object> application) {
        long start = System.nanoTime();
        ApiClient.Reply reply = apply(application, Map.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long interquartileRange(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() * 3 / 4) - sorted.get(sorted.size() / 4);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingTwice() {
        String email = newEmail();
        String key = UUID.randomUUID().toString();
        ApiClient.Reply first = apply(application(email), Map.of("Idempotency-Key", key));
        ApiClient.Reply retry = apply(application(email), Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(mongo.count(Query.query(Criteria.where("email").is(email)), Membership.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> keycloak.user(email).isPresent());

        Map<String, Object> other = application(email);
        other.put("postingCity", "Geneva");
        ApiClient.Reply misuse = apply(other, Map.of("Idempotency-Key", key));
        assertThat(misuse.status()).isEqualTo(422);
    }

    @Test
    void anAccountMadeByACreateRequestWhoseAnswerWasLostBelongsToTheApplication() {
        // Keycloak carries out the lost request only after the service looked for it, so the next create meets it.
        String email = LostCreateAnswers.MARKER + "-" + UUID.randomUUID() + "@mission.example";
        assertThat(apply(application(email), Map.of()).status()).isEqualTo(202);

        String memberId = memberIdOf(email);

        assertThat(keycloak.user(email)).map(user -> user.path("id").asString()).contains(memberId);
    }

    @Test
    void whenTheSecondWriteFailsTheKeycloakUserIsRemovedAgain() {
        String email = FaultInjection.FAILING_MARKER + "-" + UUID.randomUUID() + "@mission.example";
        ApiClient.Reply reply = apply(application(email), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        // Accepted like any application (the answer must not depend on what happens next); the account is made after.
        assertThat(reply.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mongo.count(Query.query(Criteria.where("email").is(email)), Membership.class)).isZero());
        assertThat(keycloak.user(email)).as("Keycloak user compensated").isEmpty();
    }

    @Test
    void anApplicationNotConfirmedWithinAWeekIsRemovedAndTheOwnerMayApply() {
        String squatted = newEmail();
        String confirmed = newEmail();
        assertThat(apply(application(squatted), Map.of()).status()).isEqualTo(202);
        assertThat(apply(application(confirmed), Map.of()).status()).isEqualTo(202);
        String squattedId = memberIdOf(squatted);
        memberIdOf(confirmed);
        keycloak.verifyEmail(confirmed);
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        mongo.updateMulti(Query.query(Criteria.where("email").in(squatted, confirmed)), new Update().set("appliedAt", eightDaysAgo),
                Membership.class);

        unconfirmed.removeExpired();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(keycloak.user(squatted)).as("Keycloak user of the unconfirmed application").isEmpty();
            assertThat(mongo.count(Query.query(Criteria.where("email").is(squatted)), Membership.class)).isZero();
        });
        assertThat(mongo.count(Query.query(Criteria.where("email").is(confirmed)), Membership.class))
                .as("a confirmed application waits for the moderators").isEqualTo(1);
        List<JsonNode> told = EventProbe.await(parts.kafkaBootstrapServers(), "visaport.member.notifications",
                event -> squattedId.equals(event.path("subject").asString())
                        && "application-expired".equals(event.path("data").path("template").asString()), 1);
        assertThat(told).hasSize(1);

        assertThat(apply(application(squatted), Map.of()).status()).isEqualTo(202);
        assertThat(memberIdOf(squatted)).as("the owner's own application").isNotEqualTo(squattedId);
    }

    @Test
    void anApplicationLeftHalfWayByACrashIsCleanedUp() {
        String email = newEmail();
        keycloak.createUser(email, PASSWORD);
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(11));
        Membership provisional = Membership.provisional(UUID.randomUUID().toString(), email, "Anna Envoy", "de", null, null,
                crashedAt.minusSeconds(1)).toBuilder().updatedAt(crashedAt).build();
        mongo.insert(provisional);

        reconciler.reconcile();

        assertThat(mongo.count(Query.query(Criteria.where("email").is(email)), Membership.class)).isZero();
        assertThat(keycloak.user(email)).as("orphaned Keycloak user").isEmpty();
    }

    // ---- bad input and limits ------------------------------------------------------------------------------------

    @Test
    void badApplicationsGetValidationProblems() {
        assertValidationProblem(apply(Map.of("fullName", "Ann Envoy"), Map.of()), "email", "password", "countryCode",
                "mission", "position", "accreditationNumber", "postingCity", "language", "termsAccepted", "termsVersion");

        Map<String, Object> badCountry = application(newEmail());
        badCountry.put("countryCode", "XX");
        assertValidationProblem(apply(badCountry, Map.of()), "countryCode");

        Map<String, Object> oversize = application(newEmail());
        oversize.put("fullName", "N".repeat(201));
        oversize.put("accreditationNumber", "9".repeat(65));
        assertValidationProblem(apply(oversize, Map.of()), "fullName", "accreditationNumber");

        Map<String, Object> noConsent = application(newEmail());
        noConsent.put("termsAccepted", false);
        assertValidationProblem(apply(noConsent, Map.of()), "termsAccepted");

        String weakEmail = newEmail();
        Map<String, Object> weak = application(weakEmail);
        weak.put("password", "all-lowercase-no-digits");
        assertValidationProblem(apply(weak, Map.of()), "password");
        assertThat(mongo.count(Query.query(Criteria.where("email").is(weakEmail)), Membership.class)).isZero();
        assertThat(keycloak.user(weakEmail)).isEmpty();

        ApiClient.Reply malformed = api.call("POST", "/api/identity/applications", "{\"fullName\": ", null, Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        Map<String, Object> badDate = application(newEmail());
        badDate.put("postingEndsOn", "next year");
        assertThat(apply(badDate, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void applicationsFromOneAddressAreLimited() {
        String address = nextAddress();
        List<Integer> statuses = new ArrayList<>();
        for (DemoUser known : List.of(DemoUser.APPLICANT, DemoUser.EDITOR, DemoUser.ADMIN, DemoUser.MODERATOR)) {
            statuses.add(api.call("POST", "/api/identity/applications", application(known.username()), null,
                    Map.of("X-Forwarded-For", address)).status());
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429);
        ApiClient.Reply limited = api.call("POST", "/api/identity/applications", application(newEmail()), null,
                Map.of("X-Forwarded-For", address));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.json().path("type").asString()).isEqualTo("https://visaport.example/problems/rate-limited");
    }

    // ---- the member's own data -----------------------------------------------------------------------------------

    @Test
    void membersEditTheirProfileAndMayLeave() {
        String email = newEmail();
        String memberId = approvedMember(email);
        String memberToken = keycloak.accessToken(email, PASSWORD);

        ApiClient.Reply patched = api.call("PATCH", "/api/identity/me/profile",
                Map.of("displayName", "Amb. Envoy", "language", "fr"), memberToken, Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("displayName").asString()).isEqualTo("Amb. Envoy");
        assertThat(patched.json().path("language").asString()).isEqualTo("fr");
        assertValidationProblem(api.call("PATCH", "/api/identity/me/profile", Map.of("language", "french"), memberToken, Map.of()),
                "language");

        assertThat(api.call("DELETE", "/api/identity/me", null, memberToken, Map.of()).status()).isEqualTo(204);
        assertThat(keycloak.user(email)).as("Keycloak user erased").isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("email").is(email)), Membership.class)).as("personal data erased").isZero();
        List<JsonNode> deleted = EventProbe.await(parts.kafkaBootstrapServers(), "visaport.member.events",
                event -> memberId.equals(event.path("subject").asString()) && "member.deleted".equals(event.path("type").asString()), 1);
        assertThat(deleted).hasSize(1);
        assertThat(eventually(() -> mongo.count(Query.query(Criteria.where("memberId").is(memberId)), Membership.class) == 0))
                .as("the erased membership goes once its events are out").isTrue();
    }

    @Test
    void membershipLapsesWithThePostingUntilANewPostingIsConfirmed() {
        String email = newEmail();
        String memberId = approvedMember(email);
        LocalDate soon = LocalDate.now().plusDays(10);
        setPostingEnd(memberId, soon);
        postingJob.run();
        postingJob.run();
        List<JsonNode> reminders = EventProbe.await(parts.kafkaBootstrapServers(), "visaport.member.notifications",
                event -> memberId.equals(event.path("subject").asString())
                        && "posting-ending".equals(event.path("data").path("template").asString()), 1);
        assertThat(reminders).hasSize(1);
        assertThat(mongo.findOne(Query.query(Criteria.where("memberId").is(memberId)), Membership.class)
                .postingReminderSentFor()).isEqualTo(soon);

        setPostingEnd(memberId, LocalDate.now().minusDays(1));
        postingJob.run();

        String lapsedToken = keycloak.accessToken(email, PASSWORD);
        assertThat(roles(lapsedToken)).doesNotContain("member");
        ApiClient.Reply profile = api.get("/api/identity/me/profile", lapsedToken);
        assertThat(profile.json().path("status").asString()).isEqualTo("LAPSED");

        ApiClient.Reply renewed = api.call("PATCH", "/api/identity/me/profile",
                Map.of("postingCity", "Brussels", "postingEndsOn", LocalDate.now().plusYears(3).toString()), lapsedToken, Map.of());
        assertThat(renewed.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(roles(keycloak.accessToken(email, PASSWORD))).contains("member");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Polls a condition the background relay makes true; the bound only ends a failing test. */
    static boolean eventually(java.util.function.BooleanSupplier condition) {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    void setPostingEnd(String memberId, LocalDate endsOn) {
        mongo.updateFirst(Query.query(Criteria.where("memberId").is(memberId)),
                new Update().set("credentials.postingEndsOn", endsOn), Membership.class);
    }

    ApiClient.Reply apply(Map<String, Object> body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("X-Forwarded-For", nextAddress());
        return api.call("POST", "/api/identity/applications", body, null, all);
    }

    String approvedMember(String email) {
        assertThat(apply(application(email), Map.of()).status()).isEqualTo(202);
        String memberId = memberIdOf(email);
        keycloak.verifyEmail(email);
        ApiClient.Reply approved = api.post("/api/admin/identity/applications/" + memberId + "/approval", null, token(DemoUser.MODERATOR));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return memberId;
    }

    /** The member's item in a moderators' list, following the cursors (other tests' applications come first). */
    JsonNode listedItem(String status, String memberId) {
        String cursor = null;
        do {
            ApiClient.Reply page = api.get("/api/admin/identity/applications?status=" + status + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token(DemoUser.MODERATOR));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode item : page.json().path("items")) {
                if (memberId.equals(item.path("memberId").asString())) {
                    return item;
                }
            }
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);
        throw new AssertionError(memberId + " is not in the " + status + " list");
    }

    String token(DemoUser user) {
        return parts.keycloak().accessToken(user);
    }

    static Map<String, Object> application(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Anna Maria Envoy");
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("countryCode", "AT");
        body.put("mission", "Permanent Mission of Austria to the United Nations");
        body.put("position", "First Secretary");
        body.put("accreditationNumber", "DIP-AT-1234567");
        body.put("postingCity", "Vienna");
        body.put("language", "de");
        body.put("postingEndsOn", LocalDate.now().plusYears(2).toString());
        body.put("termsAccepted", true);
        body.put("termsVersion", "2026-01");
        return body;
    }

    static String newEmail() {
        return "envoy-" + UUID.randomUUID() + "@mission.example";
    }

    static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    static List<String> roles(String token) {
        List<String> roles = new ArrayList<>();
        org.visaport.testsupport.KeycloakTokens.claims(token).path("realm_access").path("roles")
                .forEach(role -> roles.add(role.asString()));
        return roles;
    }

    static String subject(String token) {
        return org.visaport.testsupport.KeycloakTokens.claims(token).path("sub").asString();
    }

    static void assertValidationProblem(ApiClient.Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/validation");
        assertThat(reply.json().path("errors").findValuesAsString("field")).contains(fields);
    }
}
