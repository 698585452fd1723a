package org.visaport.comment.thread;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;
import org.visaport.comment.comment.Hold;
import org.visaport.comment.comment.Rules;

/**
 * A comment as its author sees it: its state and, while it waits or once it is refused, why; when a moderator
 * rejected it, the reason they gave. What exactly a suspect-word rule matched and moderators' notes about the member
 * stay with the moderators.
 */
public record OwnComment(String id, String articleId, String parentId, String inReplyTo, int depth, String text,
                         String html, String state, Instant postedAt, Instant editedAt, Instant editableUntil,
                         List<Notice> reasons, String rejectionReason) {

    public record Notice(String rule, String message) {
    }

    static OwnComment of(Comment comment, Duration editWindow) {
        boolean open = comment.getState() == CommentState.PENDING || comment.getState() == CommentState.VISIBLE;
        List<Notice> reasons = comment.getState() == CommentState.PENDING || comment.getState() == CommentState.REJECTED
                ? comment.getHolds().stream().map(OwnComment::notice).toList() : List.of();
        String rejection = comment.getState() == CommentState.REJECTED && comment.getDecision() != null
                && "rejected".equals(comment.getDecision().action()) ? comment.getDecision().reason() : null;
        return new OwnComment(comment.getId(), comment.getArticleId(), comment.getParentId(), comment.getInReplyTo(),
                comment.getDepth(), comment.getText(), comment.getHtml(), comment.getState().name().toLowerCase(Locale.ROOT),
                comment.getPostedAt(), comment.getEditedAt(), open ? comment.getPostedAt().plus(editWindow) : null, reasons,
                rejection);
    }

    static Notice notice(Hold hold) {
        String message = switch (hold.rule()) {
            case Rules.BANNED_WORD, Rules.DUPLICATE -> hold.explanation();
            case Rules.SUSPECT_WORD -> "It contains words a moderator looks at before comments show.";
            case Rules.LINK_LIMIT -> "It has " + hold.count() + " links; comments with more than " + hold.limit()
                    + " are reviewed before they show.";
            case Rules.PRE_MODERATION -> "Comments here are reviewed before they show.";
            case Rules.SCHEDULED_PRE_MODERATION -> "Comments posted at this time of day are reviewed before they show.";
            case Rules.NEW_MEMBER -> hold.limit() == null
                    ? "Your comments are reviewed before they show for a while."
                    : "A member's first " + hold.limit() + " comments are reviewed before they show (" + hold.count()
                    + " approved so far).";
            case Rules.WATCHED_MEMBER -> "Your comments are reviewed before they show.";
            case Rules.REPORTS -> "Readers reported it; a moderator will look at it.";
            case Rules.EDITED_WHILE_PENDING -> "It was edited while waiting for review.";
            default -> "A moderator will look at it.";
        };
        return new Notice(hold.rule(), message);
    }
}
