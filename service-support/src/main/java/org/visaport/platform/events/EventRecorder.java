package org.visaport.platform.events;

import java.time.Clock;
import java.util.UUID;
import org.visaport.platform.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps a payload in the envelope and turns it into an outbox entry, ready to be stored with the change it describes
 * in one document write; the relay then only sends bytes. The source is {@code /<spring.application.name>}.
 */
public class EventRecorder {

    private final JsonMapper json;
    private final Clock clock;
    private final String source;

    public EventRecorder(JsonMapper json, Clock clock, String source) {
        this.json = json;
        this.clock = clock;
        this.source = source;
    }

    /** An event with schema version 1, keyed by its subject. */
    public OutboxEvent event(String topic, String type, String subject, Object data) {
        return event(topic, type, 1, subject, subject, data);
    }

    /**
     * @param key the record key, which decides the partition and so the order: the aggregate whose events must stay
     *            in order (usually the subject)
     */
    public OutboxEvent event(String topic, String type, int schemaVersion, String subject, String key, Object data) {
        var envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type, source, subject,
                clock.instant(), "application/json", EventEnvelope.dataschema(type, schemaVersion), data);
        return new OutboxEvent(envelope.id(), topic, key, type, json.writeValueAsString(envelope), envelope.time());
    }
}
