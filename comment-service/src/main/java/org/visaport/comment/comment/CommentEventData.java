package org.visaport.comment.comment;

import java.time.Instant;

/**
 * What other services and downstream systems learn about a comment, the same shape for every event type. Public:
 * the author is a member id and display name; the text appears (as an excerpt) only while the comment is visible;
 * report notes and moderators' reasons are never here.
 *
 * @param parentId       the comment answered, null for a top-level comment
 * @param parentAuthorId who wrote the comment answered, so they can be told of the reply
 * @param reportReason   on {@code comment.reported}: the category the reader chose
 */
public record CommentEventData(String commentId, String articleId, String parentId, String parentAuthorId, int depth,
                               Author author, String state, boolean featured, String excerpt, int reports,
                               String reportReason, Instant postedAt, Instant editedAt, Instant occurredAt) {

    public record Author(String memberId, String displayName) {
    }
}
