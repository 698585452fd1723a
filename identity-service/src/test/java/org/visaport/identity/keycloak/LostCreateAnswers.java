package org.visaport.identity.keycloak;

import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;
import org.visaport.platform.security.VisaportSecurityProperties;

/**
 * A seam for the tests: for addresses carrying {@link #MARKER}, the first request to create the user times out before
 * Keycloak has done it, and Keycloak carries it out just after the service's next look for the user, as a slow Keycloak
 * does under load. Everything else goes to the real Keycloak.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LostCreateAnswers {

    public static final String MARKER = "create-answer-lost";

    @Bean
    @Primary
    KeycloakAdminClient lostCreateAnswersKeycloakAdminClient(KeycloakProperties configured, VisaportSecurityProperties security,
                                                             RestClient.Builder builder, KeycloakGuard guard, Clock clock) {
        KeycloakProperties properties = configured.withIssuer(security.issuerUri());
        RestClient http = KeycloakConfig.http(properties, builder);
        return new KeycloakAdminClient(http, properties, new ServiceAccountToken(http, properties, clock), guard, clock) {

            private final Set<String> lost = ConcurrentHashMap.newKeySet();
            private final Map<String, NewUser> landing = new ConcurrentHashMap<>();

            @Override
            public String createUser(NewUser user) {
                if (user.email().contains(MARKER) && lost.add(user.email())) {
                    landing.put(user.email(), user);
                    throw new KeycloakUnavailableException(Duration.ofSeconds(1),
                            new HttpTimeoutException("injected: the answer to the create request was lost"));
                }
                return super.createUser(user);
            }

            @Override
            public Optional<KeycloakUser> findByEmail(String email) {
                Optional<KeycloakUser> seen = super.findByEmail(email);
                NewUser late = landing.remove(email);
                if (late != null) {
                    super.createUser(late);
                }
                return seen;
            }
        };
    }
}
