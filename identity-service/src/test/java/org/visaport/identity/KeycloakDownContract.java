package org.visaport.identity;

import org.visaport.testsupport.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.identity.membership.Consent;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.Parts;
import tools.jackson.databind.JsonNode;

/**
 * The service's Keycloak admin URL points at a port where nothing listens, as when Keycloak is down: applications get
 * a 503 with Retry-After and leave nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"visaport.keycloak.server-url=http://127.0.0.1:9", "visaport.keycloak.connect-timeout=1s",
                "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn"})
abstract class KeycloakDownContract {

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Parts parts;

    @Test
    void applicationsGetServiceUnavailableAndNothingIsCreated() {
        Api api = new Api(port);
        for (int attempt = 0; attempt < 6; attempt++) {
            String email = MembershipContract.newEmail();
            ApiClient.Reply reply = api.call("POST", "/api/identity/applications", MembershipContract.application(email), null,
                    Map.of("X-Forwarded-For", MembershipContract.nextAddress()));
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asString()).isEqualTo("https://visaport.example/problems/unavailable");
            assertThat(Long.parseLong(reply.header("Retry-After"))).isPositive();
            assertThat(mongo.count(Query.query(Criteria.where("email").is(email)), Membership.class)).isZero();
        }
    }

    @Test
    void moderatorsStillSeeApplicationsWithTheAddressNotKnownToBeConfirmed() {
        String memberId = UUID.randomUUID().toString();
        // Applied long ago, so it leads the oldest-first list whatever other tests left in the database.
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        Membership pending = Membership.provisional(UUID.randomUUID().toString(), MembershipContract.newEmail(), "Anna Envoy",
                        "de", new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", LocalDate.now().plusYears(1)),
                        new Consent("2026-01", longAgo), longAgo)
                .toBuilder().memberId(memberId).status(MembershipStatus.PENDING_VERIFICATION).build();
        mongo.insert(pending);
        String moderator = parts.keycloak().accessToken(DemoUser.MODERATOR);
        Api api = new Api(port);
        try {
            ApiClient.Reply one = api.get("/api/admin/identity/applications/" + memberId, moderator);
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().path("emailVerified").asBoolean()).as("approval could not go ahead either").isFalse();

            ApiClient.Reply list = api.get("/api/admin/identity/applications?limit=5", moderator);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            JsonNode first = list.json().path("items").get(0);
            assertThat(first.path("memberId").asString()).isEqualTo(memberId);
            assertThat(first.path("emailVerified").asBoolean()).isFalse();
        } finally {
            mongo.remove(pending);
        }
    }
}
