package org.visaport.identity;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.identity.keycloak.LostCreateAnswers;
import org.visaport.identity.membership.Membership;
import org.visaport.testsupport.Parts;

/**
 * The running identity-service as the membership tests use it: one Spring context set-up (so every such test class
 * shares the cached context), the API over real HTTP, and the real Keycloak realm behind it. The parts come from the
 * subclass's annotation ({@code @WithEmbeddedParts} or {@code @WithContainerParts}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IdentityApplication.class, FaultInjection.class, LostCreateAnswers.class},
        properties = {
                "visaport.identity.rate-limits.applications-per-address=3",
                "visaport.identity.posting.cron=-",
                "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn"})
abstract class IdentityApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Parts parts;

    Api api;
    KeycloakRealm keycloak;

    @BeforeEach
    void connect() {
        api = new Api(port);
        keycloak = new KeycloakRealm(parts.keycloak());
    }

    /** An accepted application has a member id once its Keycloak account is made, a moment after the 202. */
    String memberIdOf(String email) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Membership membership = mongo.findOne(Query.query(Criteria.where("email").is(email)), Membership.class);
            return membership == null ? null : membership.memberId();
        }, Objects::nonNull);
    }
}
