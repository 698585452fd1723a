package org.visaport.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final Instant ROTATED = Instant.parse("2026-11-25T12:00:00Z");

    private static WebhookEndpoint rotated(Duration grace) {
        return new WebhookEndpoint("e1", "https://hooks.example.org/", List.of("article.published"), null,
                WebhookEndpoint.Status.ACTIVE, "whsec_new", "whsec_old", ROTATED.plus(grace), ROTATED, ROTATED, null, null);
    }

    @Test
    void thePreviousSecretSignsTooUntilItsGraceEnds() {
        WebhookEndpoint endpoint = rotated(Duration.ofHours(24));
        assertThat(endpoint.signingSecrets(ROTATED)).containsExactly("whsec_new", "whsec_old");
        assertThat(endpoint.signingSecrets(ROTATED.plus(Duration.ofHours(24)).minusMillis(1))).containsExactly("whsec_new", "whsec_old");
        assertThat(endpoint.signingSecrets(ROTATED.plus(Duration.ofHours(24)))).containsExactly("whsec_new");
    }

    @Test
    void aNeverRotatedEndpointSignsWithItsSecretAlone() {
        WebhookEndpoint endpoint = new WebhookEndpoint("e1", "https://hooks.example.org/", List.of("article.published"),
                null, WebhookEndpoint.Status.ACTIVE, "whsec_only", null, null, ROTATED, ROTATED, null, null);
        assertThat(endpoint.signingSecrets(ROTATED)).containsExactly("whsec_only");
    }

    @Test
    void itsTextNeverShowsItsSecrets() {
        assertThat(rotated(Duration.ofHours(1)).toString()).doesNotContain("whsec_");
    }
}
