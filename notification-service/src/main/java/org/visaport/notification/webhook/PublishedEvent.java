package org.visaport.notification.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article event as webhooks carry it ({@code body}, already free of the article's text), kept for
 * {@code keep-events-for} so a time range can be replayed to an endpoint, also one that was FAILING or subscribed
 * later when the events happened.
 */
@Document("webhook_events")
@CompoundIndexes({
        @CompoundIndex(name = "by_time", def = "{'occurredAt': 1, '_id': 1}"),
        // The events past the replay window, to purge.
        @CompoundIndex(name = "stored", def = "{'storedAt': 1}")
})
record PublishedEvent(@Id String id, String type, Instant occurredAt, String body, Instant storedAt) {
}
