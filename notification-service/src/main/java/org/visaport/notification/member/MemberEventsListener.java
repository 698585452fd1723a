package org.visaport.notification.member;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.article.ArticleRecipients;
import org.visaport.notification.contact.Contacts;
import org.visaport.notification.delivery.Deliveries;
import org.visaport.notification.delivery.Notice;
import org.visaport.notification.delivery.Recipient;
import org.visaport.notification.digest.Digests;
import org.visaport.notification.feed.Feed;
import org.visaport.notification.feed.FeedItem;
import org.visaport.notification.mail.Links;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.notification.subscription.Topic;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.topics.Topics;

/**
 * Follows membership from identity-service's public events: an approved member gets the default subscription, a
 * suspended or lapsed one hears nothing until reinstated, and a deleted member's subscription, feed, contact and mails
 * are erased (except an account notice still on its way, such as the one saying the account was deleted). Roles
 * granted or revoked decide who hears the moderators' topics, and moderators who watch applications hear of new ones.
 * Every effect is idempotent by itself.
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
    private final Digests digests;
    private final ArticleRecipients articleRecipients;
    private final Deliveries deliveries;
    private final Links links;
    private final Clock clock;
    private final int batchSize;

    MemberEventsListener(EventReader reader, ProcessedEvents processed, Subscriptions subscriptions, Feed feed,
                         Contacts contacts, MailOutbox mails, Digests digests, ArticleRecipients articleRecipients, Deliveries deliveries, Links links,
                         Clock clock, @Value("${visaport.notifications.fan-out-batch:500}") int batchSize) {
        this.digests = digests;
        this.articleRecipients = articleRecipients;
        this.deliveries = deliveries;
        this.links = links;
        this.clock = clock;
        this.batchSize = batchSize;
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
            case "member.approved", "member.reinstated" -> () -> subscriptions.activate(data.memberId(), data.displayName(), data.roles(), data.at());
            case "member.role-changed" -> data.roles() == null ? null : () -> subscriptions.changeRoles(data.memberId(), data.roles(), data.at());
            case "member.applied" -> () -> tellModerators(event.id(), data);
            case "member.suspended" -> () -> subscriptions.changeStatus(data.memberId(), Subscription.MemberStatus.SUSPENDED, data.at());
            case "member.lapsed" -> () -> subscriptions.changeStatus(data.memberId(), Subscription.MemberStatus.LAPSED, data.at());
            case "member.profile-updated" -> () -> subscriptions.rename(data.memberId(), data.displayName());
            case "member.deleted" -> () -> {
                subscriptions.forget(data.memberId());
                feed.forget(data.memberId());
                contacts.erase(data.memberId());
                mails.forget(data.memberId());
                digests.forget(data.memberId());
                articleRecipients.forget(data.memberId());
            };
            default -> null;
        };
        if (effect != null && data.memberId() != null) {
            processed.once(CONSUMER, event.id(), effect);
        }
    }

    /**
     * Moderators who watch applications hear that someone applied: the country of posting and a link to the
     * application, nothing that names the person (this is a public event, and the notice may go by mail).
     */
    private void tellModerators(String eventId, MemberData data) {
        Instant at = data.at().equals(Instant.EPOCH) ? clock.instant() : data.at();
        Notice notice = new Notice(eventId, FeedItem.Kind.APPLICATION_RECEIVED, "New membership application",
                data.countryCode() == null ? "Waiting for a moderator" : "Posted in " + data.countryCode(),
                FeedItem.Link.toApplication(data.memberId()), at, "application-new",
                data.countryCode() == null ? Map.of() : Map.of("countryCode", data.countryCode()), "application.link",
                links.application(data.memberId()));
        subscriptions.forEachModerator(Topic.NEW_APPLICATIONS, batchSize, batch -> deliveries.deliver(notice,
                batch.stream().filter(moderator -> moderator.wants(Topic.NEW_APPLICATIONS))
                        .map(moderator -> Recipient.of(moderator, Topic.NEW_APPLICATIONS)).toList()));
    }

    /** The fields of identity-service's member payloads this service reads; each event carries one of the times. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberData(String memberId, String displayName, List<String> roles, String countryCode, Instant appliedAt,
                      Instant approvedAt, Instant reinstatedAt, Instant suspendedAt, Instant lapsedAt, Instant deletedAt,
                      Instant changedAt) {

        Instant at() {
            for (Instant candidate : new Instant[] {approvedAt, reinstatedAt, suspendedAt, lapsedAt, deletedAt, changedAt, appliedAt}) {
                if (candidate != null) {
                    return candidate;
                }
            }
            return Instant.EPOCH;
        }
    }
}
