package org.visaport.notification.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.article.KnownArticle;
import org.visaport.notification.article.KnownArticles;
import org.visaport.notification.delivery.Deliveries;
import org.visaport.notification.delivery.Notice;
import org.visaport.notification.delivery.Recipient;
import org.visaport.notification.feed.FeedItem;
import org.visaport.notification.mail.Links;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.notification.subscription.Topic;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;

/**
 * Tells members of replies to their comments and of moderators' decisions on them, as their subscription says. A
 * reply is told once per reader however often it becomes visible (its notice is keyed by the comment, not the event).
 * The rejection reason is not on the public topic: the notice sends the author to their comments page, which shows it.
 * Moderators who watch the queue hear of comments held for moderation and of reports.
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
    private final int batchSize;

    CommentEventsListener(EventReader reader, ProcessedEvents processed, Subscriptions subscriptions,
                          KnownArticles articles, Deliveries deliveries, Links links, Clock clock,
                          @Value("${visaport.notifications.fan-out-batch:500}") int batchSize) {
        this.batchSize = batchSize;
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
        FeedItem.Kind forModerators = CommentNotices.forModerators(event.type(), comment);
        if (told.isEmpty() && forModerators == null) {
            return;
        }
        processed.once(CONSUMER, event.id(), () -> {
            KnownArticle article = articles.find(comment.articleId()).orElse(null);
            for (CommentNotices.Told one : told) {
                Subscription subscription = subscriptions.of(one.memberId()).ofKnownMember();
                Topic topic = one.kind() == FeedItem.Kind.COMMENT_REPLY ? Topic.REPLIES : Topic.COMMENT_DECISIONS;
                if (subscription.wants(topic)) {
                    deliveries.deliver(notice(event.id(), one.kind(), comment, article), List.of(Recipient.of(subscription, topic)));
                }
            }
            if (forModerators != null) {
                Notice notice = notice(event.id(), forModerators, comment, article);
                subscriptions.forEachModerator(Topic.COMMENTS_WAITING, batchSize, batch -> deliveries.deliver(notice,
                        batch.stream()
                                .filter(moderator -> moderator.wants(Topic.COMMENTS_WAITING))
                                .filter(moderator -> !moderator.id().equals(comment.authorId()))
                                .map(moderator -> Recipient.of(moderator, Topic.COMMENTS_WAITING))
                                .toList()));
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
        FeedItem.Link link = FeedItem.Link.toComment(comment.articleId(), slug, comment.commentId());
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
            // No excerpt: comment-service publishes none while a comment is not visible; moderators read it in the queue.
            case COMMENT_WAITING -> new Notice(eventId, kind, "A comment waits for moderation",
                    author + " on " + articleTitle, link, at, "comment-waiting", values, "moderation.link", links.moderationQueue());
            case COMMENT_REPORTED -> {
                values.put("reason", comment.reportReason() == null ? "other" : comment.reportReason());
                yield new Notice(eventId, kind, "A comment was reported",
                        author + " on " + articleTitle + " (" + values.get("reason") + ")", link, at, "comment-reported",
                        values, "moderation.link", links.moderationQueue());
            }
            default -> throw new IllegalArgumentException("not a comment notice: " + kind);
        };
    }
}
