package org.visaport.comment.comment;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.problem.Problems;

/** The comment problems clients can tell apart by their type. */
public final class CommentProblems {

    private CommentProblems() {
    }

    public static ErrorResponseException notFound(String id) {
        return Problems.notFound("Comment not found", "No comment " + id + ".");
    }

    static ErrorResponseException notAllowed(String id, CommentState state, String change) {
        return Problems.conflict("comment-state", "Not possible in this state",
                "Comment " + id + " is " + state.name().toLowerCase() + " and cannot be " + change + ".");
    }

    static ErrorResponseException notEditable(String id, CommentState state) {
        return notAllowed(id, state, "edited");
    }

    static ErrorResponseException alreadyDeleted(String id) {
        return notAllowed(id, CommentState.DELETED, "deleted");
    }

    static ErrorResponseException editWindowClosed(String id, Duration window) {
        return Problems.conflict("edit-window-closed", "Too late to edit",
                "Comments can be edited for " + window.toMinutes() + " minutes after posting; comment " + id + " is older.");
    }

    static ErrorResponseException parentElsewhere(String parentId, String articleId) {
        return Problems.invalidField("parentId", "comment " + parentId + " is not under article " + articleId);
    }

    static ErrorResponseException parentNotVisible(String parentId) {
        return Problems.conflict("comment-state", "Cannot reply", "Comment " + parentId + " is not visible, so it cannot be answered.");
    }

    static ErrorResponseException onlyTopLevelFeatured(String id) {
        return Problems.conflict("comment-state", "Cannot feature", "Only top-level comments can be featured; " + id + " is a reply.");
    }

    static ErrorResponseException deletedByAuthor(String id) {
        return Problems.conflict("comment-state", "Cannot restore", "Comment " + id + " was deleted by its author.");
    }

    static ErrorResponseException textErased(String id) {
        return Problems.conflict("comment-state", "Cannot restore", "The text of comment " + id + " was erased with its author's account.");
    }

    public static ErrorResponseException notTheAuthor(String id) {
        return Problems.exception(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not your comment",
                "Only the author can change comment " + id + "."));
    }

    public static ErrorResponseException alreadyReported(String id) {
        return Problems.conflict("already-reported", "Already reported", "You have reported comment " + id + " already.");
    }

    public static ErrorResponseException ownComment(String id) {
        return Problems.conflict("comment-state", "Cannot report", "Comment " + id + " is your own; delete or edit it instead.");
    }

    /** Refused by an automatic rule: the author learns which rule and what it found (moderators see the same). */
    public static ErrorResponseException refused(String commentId, List<Hold> refusals) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "comment-refused", "Comment refused",
                refusals.getFirst().explanation());
        if (commentId != null) {
            problem.setProperty("commentId", commentId);
        }
        problem.setProperty("rules", refusals.stream().map(Hold::rule).toList());
        return Problems.exception(problem);
    }
}
