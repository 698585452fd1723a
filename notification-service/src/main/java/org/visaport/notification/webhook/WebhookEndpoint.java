package org.visaport.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A downstream system's endpoint: where to post which events, and the secrets to sign them with. {@code secret} signs
 * every delivery; after a rotation {@code previousSecret} signs too until {@code previousSecretUntil}.
 *
 * @param failingSince when retries to it ran out; a FAILING endpoint gets no deliveries until an admin re-activates it
 */
@Document("webhook_endpoints")
@CompoundIndex(name = "by_age", def = "{'createdAt': -1, '_id': -1}")
record WebhookEndpoint(@Id String id, String url, List<String> eventTypes, String description, Status status,
                       String secret, String previousSecret, Instant previousSecretUntil, Instant createdAt,
                       Instant updatedAt, Instant failingSince, String failingReason) {

    enum Status { ACTIVE, FAILING }

    /** The secrets that sign a delivery made at {@code now}: the current one, and the previous one in its grace. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Never the secrets: a log line that prints an endpoint must not print them. */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", url=" + url + ", status=" + status + "]";
    }
}
