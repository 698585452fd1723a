package org.visaport.identity.events;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.membership.OutboxEntry;
import tools.jackson.databind.json.JsonMapper;

/** Wraps payloads in the envelope and turns them into outbox entries, so the relay only has to send bytes. */
@Component
public class MemberEventFactory {

    public static final String SOURCE = "/identity-service";
    public static final String NOTIFICATION_REQUESTED = "member.notification-requested";

    private final JsonMapper json;
    private final MemberEventProperties properties;
    private final Clock clock;

    public MemberEventFactory(JsonMapper json, MemberEventProperties properties, Clock clock) {
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A public event, e.g. {@code member.approved}, optionally together with the decision's audit entry. */
    public OutboxEntry event(String type, String memberId, Object data, AuditEntry audit) {
        return entry(properties.topic(), type, memberId, data, audit);
    }

    public OutboxEntry event(String type, String memberId, Object data) {
        return event(type, memberId, data, null);
    }

    /** A private event for notification-service; the only kind that may carry an e-mail address. */
    public OutboxEntry notification(MemberEvents.NotificationRequested data, String key) {
        return entry(properties.notificationsTopic(), NOTIFICATION_REQUESTED, key, data, null);
    }

    private OutboxEntry entry(String topic, String type, String key, Object data, AuditEntry audit) {
        String id = UUID.randomUUID().toString();
        EventEnvelope envelope = new EventEnvelope("1.0", id, type, SOURCE, key, clock.instant(), "application/json",
                "https://visaport.example/schemas/" + type + "/1", data);
        return new OutboxEntry(id, topic, key, json.writeValueAsString(envelope), audit);
    }
}
