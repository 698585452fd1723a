package org.visaport.platform.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.visaport.platform.events.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record's value as a VisaPort event. The envelope is the same on every topic; each consumer reads {@code data}
 * into records of its own (what it needs of the payload), never into the producer's classes.
 */
public class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    public EventEnvelope<JsonNode> read(String value) {
        try {
            JsonNode event = json.readTree(value);
            String id = event.path("id").asString("");
            String type = event.path("type").asString("");
            if (id.isBlank() || type.isBlank() || !event.has("data")) {
                throw new UnreadableEvent("not a VisaPort event (no id, type or data)", null);
            }
            return new EventEnvelope<>(event.path("specversion").asString(""), id, type, event.path("source").asString(""),
                    event.path("subject").asString(null), time(event.path("time")), event.path("datacontenttype").asString(null),
                    event.path("dataschema").asString(null), event.get("data"));
        } catch (JacksonException e) {
            throw new UnreadableEvent("not JSON", e);
        }
    }

    /** When the change happened at its producer; null when the envelope carries no readable time. */
    private static Instant time(JsonNode time) {
        try {
            return time.isString() ? Instant.parse(time.asString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The payload as the consumer's own record; unknown fields are ignored, so producers may add fields. */
    public <T> T data(EventEnvelope<JsonNode> event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new UnreadableEvent(event.type() + " " + event.id() + " has data this consumer cannot read", e);
        }
    }
}
