package org.visaport.notification.feed;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice in a member's in-app feed. The id derives from what it is about and for whom (see {@link #idFor}), so
 * an event handled twice stores it once. It carries a teaser and a link, never an article's text.
 *
 * @param createdAt when what it tells of happened; the feed is sorted by it
 * @param storedAt  when this service stored it; live streams follow the feed in this order, since a late event can
 *                  bring an item whose {@code createdAt} lies before items already streamed
 */
@Document("feed_items")
@CompoundIndexes({
        @CompoundIndex(name = "feed", def = "{'memberId': 1, 'archived': 1, 'createdAt': -1, '_id': -1}"),
        // The feed with archived items (archived=true) filters on the member alone, in the same order.
        @CompoundIndex(name = "feed_all", def = "{'memberId': 1, 'createdAt': -1, '_id': -1}"),
        @CompoundIndex(name = "unread", def = "{'memberId': 1, 'read': 1, 'archived': 1}"),
        @CompoundIndex(name = "stream", def = "{'memberId': 1, 'storedAt': 1, '_id': 1}")
})
public record FeedItem(@Id String id, String memberId, Kind kind, String title, String summary, Link link,
                       Instant createdAt, Instant storedAt, boolean read, boolean archived) {

    public enum Kind {
        ARTICLE_PUBLISHED, ARTICLE_CORRECTED, ARTICLE_RETRACTED, COMMENT_REPLY, COMMENT_APPROVED, COMMENT_REJECTED,
        COMMENT_WAITING, COMMENT_REPORTED, APPLICATION_RECEIVED
    }

    /**
     * What the item is about, for the client to open: the article (by id and slug) and, for comments, the comment; for
     * a new application, the applicant's member id (moderators open it in the applications queue).
     */
    public record Link(String articleId, String articleSlug, String commentId, String applicantId) {

        public static Link toArticle(String articleId, String articleSlug) {
            return new Link(articleId, articleSlug, null, null);
        }

        public static Link toComment(String articleId, String articleSlug, String commentId) {
            return new Link(articleId, articleSlug, commentId, null);
        }

        public static Link toApplication(String applicantId) {
            return new Link(null, null, null, applicantId);
        }
    }

    public static FeedItem unread(String id, String memberId, Kind kind, String title, String summary, Link link,
                                  Instant createdAt, Instant storedAt) {
        return new FeedItem(id, memberId, kind, title, summary, link, createdAt, storedAt, false, false);
    }

    /** The same for the same subject (an event, or a reply however often it becomes visible) and the same member. */
    public static String idFor(String subject, String memberId) {
        return org.visaport.platform.hashing.Hashing.sha256("feed", subject, memberId).substring(0, 32);
    }
}
