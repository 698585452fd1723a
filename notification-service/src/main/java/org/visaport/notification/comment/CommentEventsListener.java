package org.visaport.notification.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.article.KnownArticle;
import org.visaport.notification.article.KnownArticles;
import org.visaport.notification.delivery.Deliveries;
import org.visaport.notification.delivery.Notice;
import org.visaport.notification.delivery.Recipient;
import org.visaport.notification.feed.FeedItem;
import org.visaport.notification.mail.Links;
import org.visaport.notification.subscription.Delivery;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;

/**
 * Tells members of replies to their comments and of moderators' decisions on them, as their subscription says. A
 * reply is told once per reader however often it becomes visible (its notice is keyed by the comment, not the event).
 * The rejection reason is not on the public topic: the notice sends the author to their comments page, which shows it.
 */
@Component
class CommentEventsListener {

    static final String CONSUMER = "notification-service.comments";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final Subscriptions subscriptions;
    private final KnownArticles articles;
    private final Deliveries deliveries;
    private final Links links;
    private final Clock clock;

    CommentEventsListener(EventReader reader, ProcessedEvents processed, Subscriptions subscriptions,
                          KnownArticles articles, Deliveries deliveries, Links links, Clock clock) {
        this.reader = reader;
        this.processed = processed;
        this.subscriptions = subscriptions;
        this.articles = articles;
        this.deliveries = deliveries;
        this.links = links;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.COMMENT_EVENTS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        if (!event.type().startsWith("comment.")) {
            return;
        }
        CommentData comment = reader.data(event, CommentData.class);
        // Not retryable: a notice links to the article and the comment (a reply's is keyed by it), and no retry brings
        // their ids.
        if (comment.articleId() == null || comment.commentId() == null) {
            throw new UnreadableEvent(event.type() + " " + event.id() + " names no article or comment", null);
        }
        List<CommentNotices.Told> told = CommentNotices.whoIsTold(event.type(), comment);
        if (told.isEmpty()) {
            return;
        }
        processed.once(CONSUMER, event.id(), () -> {
            KnownArticle article = articles.find(comment.articleId()).orElse(null);
            for (CommentNotices.Told one : told) {
                Subscription subscription = subscriptions.of(one.memberId()).ofKnownMember();
                Delivery delivery = one.kind() == FeedItem.Kind.COMMENT_REPLY
                        ? subscription.repliesToMyComments() : subscription.commentDecisions();
                if (subscription.active() && delivery.wanted()) {
                    deliveries.deliver(notice(event.id(), one.kind(), comment, article), List.of(Recipient.of(one.memberId(), delivery)));
                }
            }
        });
    }

    private Notice notice(String eventId, FeedItem.Kind kind, CommentData comment, KnownArticle article) {
        String slug = article == null ? null : article.slug();
        String articleTitle = article == null ? "a VisaPort briefing" : article.title();
        String author = comment.author() == null ? "A member" : comment.author().displayName();
        Map<String, String> values = new HashMap<>();
        values.put("article", articleTitle);
        values.put("author", author);
        values.put("excerpt", comment.excerpt());
        FeedItem.Link link = new FeedItem.Link(comment.articleId(), slug, comment.commentId());
        String url = links.comment(comment.articleId(), slug, comment.commentId());
        Instant at = comment.occurredAt() != null ? comment.occurredAt() : clock.instant();
        return switch (kind) {
            case COMMENT_REPLY -> new Notice("reply:" + comment.commentId(), kind, author + " replied to your comment",
                    comment.excerpt() == null ? "On " + articleTitle : comment.excerpt(), link, at, "reply", values,
                    "reply.link", url);
            case COMMENT_APPROVED -> new Notice(eventId, kind, "Your comment was approved", "On " + articleTitle, link, at,
                    "comment-approved", values, "comment.link", url);
            case COMMENT_REJECTED -> new Notice(eventId, kind, "Your comment was not published",
                    "On " + articleTitle + ". Your comments page shows the reason.", link, at, "comment-rejected", values,
                    "comment.link", url);
            default -> throw new IllegalArgumentException("not a comment notice: " + kind);
        };
    }
}
