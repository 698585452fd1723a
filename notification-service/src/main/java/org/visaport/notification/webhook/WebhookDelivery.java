package org.visaport.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.visaport.platform.hashing.Hashing;

/**
 * One event for one endpoint. Its id comes from the event and the endpoint, so an event handled twice queues it once;
 * it is also the {@code webhook-id} header, the same on every retry and replay, for receivers to de-duplicate on.
 * {@code nextAttemptAt} is when a pending delivery is due and, while a sender holds it, when that claim lapses (see
 * {@link org.visaport.notification.storage.DueQueue}).
 *
 * @param queuedAt  when it was queued, or queued again by a replay: retries stop {@code retry-for} after it
 * @param tries     failed attempts since it was queued, for the back-off
 * @param attempts  every attempt, newest last (the last {@link WebhookDeliveries#KEPT_ATTEMPTS})
 */
@Document("webhook_deliveries")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "by_endpoint", def = "{'endpointId': 1, 'createdAt': -1, '_id': -1}"),
        @CompoundIndex(name = "by_endpoint_status", def = "{'endpointId': 1, 'status': 1, 'createdAt': -1, '_id': -1}"),
        @CompoundIndex(name = "by_age", def = "{'status': 1, 'queuedAt': 1}"),
        // The finished deliveries to purge.
        @CompoundIndex(name = "finished", def = "{'status': 1, 'finishedAt': 1}")
})
record WebhookDelivery(@Id String id, String endpointId, String eventId, String eventType, Instant occurredAt,
                       String body, Status status, Instant createdAt, Instant queuedAt, Instant nextAttemptAt,
                       int tries, List<Attempt> attempts, Instant finishedAt) {

    enum Status { PENDING, SUCCEEDED, FAILED }

    /**
     * One try to deliver: the receiver's HTTP status, or why there was none (a timeout, a refused address).
     *
     * @param latencyMs from sending the request to the response headers (or the failure)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attempt(Instant at, Integer httpStatus, String error, long latencyMs) {
    }

    static String id(String eventId, String endpointId) {
        return Hashing.sha256("webhook", eventId, endpointId).substring(0, 32);
    }

    static WebhookDelivery queued(PublishedEvent event, String endpointId, Instant now) {
        return new WebhookDelivery(id(event.id(), endpointId), endpointId, event.id(), event.type(), event.occurredAt(),
                event.body(), Status.PENDING, now, now, now, 0, List.of(), null);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[id=" + id + ", endpointId=" + endpointId + ", eventType=" + eventType + ", status="
                + status + "]";
    }
}
