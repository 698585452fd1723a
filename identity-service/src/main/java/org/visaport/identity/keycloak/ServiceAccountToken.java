package org.visaport.identity.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** identity-service's own client-credentials token, reused until shortly before it expires. */
class ServiceAccountToken {

    private final RestClient http;
    private final KeycloakProperties properties;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceAccountToken(RestClient http, KeycloakProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    String get() {
        // A lock rather than synchronized: callers run on virtual threads, which must not pin their carrier on I/O.
        lock.lock();
        try {
            return current();
        } finally {
            lock.unlock();
        }
    }

    void forget() {
        lock.lock();
        try {
            token = null;
        } finally {
            lock.unlock();
        }
    }

    private String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            JsonNode answer = http.post().uri(properties.tokenUrl())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            token = answer.path("access_token").asString();
            // Renew at two thirds of the lifetime so a token never expires between fetch and use.
            renewAt = clock.instant().plusSeconds(Math.max(1, answer.path("expires_in").asLong(60) * 2 / 3));
        }
        return token;
    }
}
