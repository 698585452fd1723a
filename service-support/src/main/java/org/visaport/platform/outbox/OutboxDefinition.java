package org.visaport.platform.outbox;

import java.util.function.Consumer;

/**
 * Where an aggregate keeps its pending events: the documents of {@code collection}, in the array {@code field} of
 * {@link OutboxEvent}s.
 *
 * @param name       names the relay in metrics and logs, e.g. {@code articles}
 * @param localStep  performs entries without a topic (e.g. filing an audit entry); must be idempotent
 * @param afterRelay called with the aggregate id after its relayed entries left the outbox (e.g. to remove an
 *                   aggregate that only waited for its last events)
 */
public record OutboxDefinition(String name, String collection, String field, Consumer<OutboxEvent> localStep,
                               Consumer<String> afterRelay) {

    public static final String DEFAULT_FIELD = "outbox";

    public OutboxDefinition {
        if (localStep == null) {
            localStep = entry -> {
                throw new IllegalStateException("outbox " + name + " has no local step for " + entry.type());
            };
        }
        afterRelay = afterRelay == null ? id -> { } : afterRelay;
    }

    public static OutboxDefinition of(String collection) {
        return new OutboxDefinition(collection, collection, DEFAULT_FIELD, null, null);
    }

    public OutboxDefinition withLocalStep(Consumer<OutboxEvent> step) {
        return new OutboxDefinition(name, collection, field, step, afterRelay);
    }

    public OutboxDefinition withAfterRelay(Consumer<String> callback) {
        return new OutboxDefinition(name, collection, field, localStep, callback);
    }

    String idPath() {
        return field + ".eventId";
    }
}
