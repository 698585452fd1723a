package org.visaport.comment.thread;

import java.time.Instant;
import java.util.List;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;

/**
 * A comment as any reader sees it. Of its author only the member id and display name; a comment taken down keeps its
 * place in the thread with neither text nor author ({@code status} "removed", or "under-review" while moderators look
 * at it again).
 *
 * @param parentId   the comment it hangs under in the thread
 * @param inReplyTo  the comment it answers (differs from parentId when that one sits at the deepest level)
 * @param replyCount visible replies: for a top-level comment all of its thread, otherwise the direct ones
 */
public record ThreadComment(String id, String articleId, String parentId, String inReplyTo, int depth, Author author,
                            String html, String status, boolean edited, boolean featured, Instant postedAt,
                            Instant editedAt, int replyCount, List<ThreadComment> replies, boolean moreReplies) {

    public record Author(String memberId, String displayName) {
    }

    static ThreadComment of(Comment comment, int replyCount, List<ThreadComment> replies, boolean moreReplies) {
        boolean visible = comment.getState() == CommentState.VISIBLE;
        String status = visible ? "visible" : comment.getState() == CommentState.PENDING ? "under-review" : "removed";
        return new ThreadComment(comment.getId(), comment.getArticleId(), comment.getParentId(), comment.getInReplyTo(),
                comment.getDepth(),
                visible ? new Author(comment.getAuthor().memberId(), comment.getAuthor().displayName()) : null,
                visible ? comment.getHtml() : null, status, visible && comment.getEditedAt() != null, comment.isFeatured(),
                comment.getPostedAt(), visible ? comment.getEditedAt() : null, replyCount, replies, moreReplies);
    }
}
