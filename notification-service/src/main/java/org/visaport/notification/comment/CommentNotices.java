package org.visaport.notification.comment;

import java.util.ArrayList;
import java.util.List;
import org.visaport.notification.feed.FeedItem;

/**
 * Who is told what about a comment: the author of the comment answered when a reply shows (posted visible, or
 * approved after waiting), and the author when a moderator decides on their comment. Nobody is told of their own
 * action: answering oneself tells nobody. Moderators, who are many and found by their subscriptions, are told by
 * {@link #forModerators}.
 */
final class CommentNotices {

    private CommentNotices() {
    }

    /** One member to tell, about what. */
    record Told(String memberId, FeedItem.Kind kind) {
    }

    /**
     * What moderators who watch the queue hear of: a comment held for moderation (posted, or put back by an edit that
     * tripped a rule) or reported by a reader. Null for anything else.
     */
    static FeedItem.Kind forModerators(String type, CommentData comment) {
        return switch (type) {
            case "comment.posted", "comment.edited" -> comment.waiting() ? FeedItem.Kind.COMMENT_WAITING : null;
            case "comment.reported" -> FeedItem.Kind.COMMENT_REPORTED;
            default -> null;
        };
    }

    static List<Told> whoIsTold(String type, CommentData comment) {
        List<Told> told = new ArrayList<>();
        switch (type) {
            case "comment.posted" -> {
                if (comment.visible()) {
                    told.add(new Told(comment.parentAuthorId(), FeedItem.Kind.COMMENT_REPLY));
                }
            }
            case "comment.approved" -> {
                told.add(new Told(comment.authorId(), FeedItem.Kind.COMMENT_APPROVED));
                told.add(new Told(comment.parentAuthorId(), FeedItem.Kind.COMMENT_REPLY));
            }
            case "comment.rejected" -> told.add(new Told(comment.authorId(), FeedItem.Kind.COMMENT_REJECTED));
            default -> {
            }
        }
        return told.stream()
                .filter(t -> t.memberId() != null)
                .filter(t -> t.kind() != FeedItem.Kind.COMMENT_REPLY || !t.memberId().equals(comment.authorId()))
                .toList();
    }
}
