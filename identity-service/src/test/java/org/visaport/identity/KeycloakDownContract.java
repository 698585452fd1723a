package org.visaport.identity;

import org.visaport.testsupport.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.identity.membership.Membership;

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
}
