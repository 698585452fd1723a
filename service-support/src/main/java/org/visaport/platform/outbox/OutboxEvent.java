package org.visaport.platform.outbox;

import java.time.Instant;

/**
 * An entry of an aggregate's outbox, stored in the same document update as the change it belongs to.
 *
 * @param eventId    the envelope's id, which consumers de-duplicate on (named so Spring Data does not map it to _id)
 * @param topic      where it goes; null for a step the service performs itself (see {@link OutboxDefinition#localStep})
 * @param key        the record key: the aggregate whose events keep their order
 * @param payload    the complete CloudEvents JSON exactly as it will be published, or the local step's data
 * @param recordedAt when it was written, for the age of the oldest waiting event
 */
public record OutboxEvent(String eventId, String topic, String key, String type, String payload, Instant recordedAt) {

    /** Something the service does itself once the change is stored, at least once, in order with the events. */
    public static OutboxEvent localStep(String id, String type, String payload, Instant recordedAt) {
        return new OutboxEvent(id, null, null, type, payload, recordedAt);
    }

    public boolean isLocal() {
        return topic == null;
    }
}
