package org.visaport.notification.member;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.contact.Contacts;
import org.visaport.notification.feed.Feed;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.topics.Topics;

/**
 * Follows membership from identity-service's public events: an approved member gets the default subscription, a
 * suspended or lapsed one hears nothing until reinstated, and a deleted member's subscription, feed, contact and mails
 * are erased (except an account notice still on its way, such as the one saying the account was deleted). Every
 * effect is idempotent by itself.
 */
@Component
class MemberEventsListener {

    static final String CONSUMER = "notification-service.members";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final Subscriptions subscriptions;
    private final Feed feed;
    private final Contacts contacts;
    private final MailOutbox mails;

    MemberEventsListener(EventReader reader, ProcessedEvents processed, Subscriptions subscriptions, Feed feed,
                         Contacts contacts, MailOutbox mails) {
        this.reader = reader;
        this.processed = processed;
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.contacts = contacts;
        this.mails = mails;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBER_EVENTS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        MemberData data = reader.data(event, MemberData.class);
        Runnable effect = switch (event.type()) {
            case "member.approved", "member.reinstated" -> () -> subscriptions.activate(data.memberId(), data.displayName(), data.at());
            case "member.suspended" -> () -> subscriptions.changeStatus(data.memberId(), Subscription.MemberStatus.SUSPENDED, data.at());
            case "member.lapsed" -> () -> subscriptions.changeStatus(data.memberId(), Subscription.MemberStatus.LAPSED, data.at());
            case "member.profile-updated" -> () -> subscriptions.rename(data.memberId(), data.displayName());
            case "member.deleted" -> () -> {
                subscriptions.forget(data.memberId());
                feed.forget(data.memberId());
                contacts.erase(data.memberId());
                mails.forget(data.memberId());
            };
            default -> null;
        };
        if (effect != null && data.memberId() != null) {
            processed.once(CONSUMER, event.id(), effect);
        }
    }

    /** The fields of identity-service's member payloads this service reads; each event carries one of the times. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberData(String memberId, String displayName, Instant approvedAt, Instant reinstatedAt,
                      Instant suspendedAt, Instant lapsedAt, Instant deletedAt) {

        Instant at() {
            for (Instant candidate : new Instant[] {approvedAt, reinstatedAt, suspendedAt, lapsedAt, deletedAt}) {
                if (candidate != null) {
                    return candidate;
                }
            }
            return Instant.EPOCH;
        }
    }
}
