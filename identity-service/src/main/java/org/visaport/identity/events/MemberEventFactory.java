package org.visaport.identity.events;

import org.springframework.stereotype.Component;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.topics.Topics;

/** Member events as outbox entries, on the public topic or, for notifications, on the private one. */
@Component
public class MemberEventFactory {

    public static final String NOTIFICATION_REQUESTED = "member.notification-requested";

    private final EventRecorder recorder;

    public MemberEventFactory(EventRecorder recorder) {
        this.recorder = recorder;
    }

    /** A public event, e.g. {@code member.approved}, about and keyed by the member. */
    public OutboxEvent event(String type, String memberId, Object data) {
        return recorder.event(Topics.MEMBER_EVENTS, type, memberId, data);
    }

    /** A private event for notification-service; the only kind that may carry an e-mail address. */
    public OutboxEvent notification(MemberEvents.NotificationRequested data, String key) {
        return recorder.event(Topics.MEMBER_NOTIFICATIONS, NOTIFICATION_REQUESTED, key, data);
    }
}
