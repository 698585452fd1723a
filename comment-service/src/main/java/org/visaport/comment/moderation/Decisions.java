package org.visaport.comment.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.visaport.comment.audit.AuditLog;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentEventType;
import org.visaport.comment.comment.CommentEvents;
import org.visaport.comment.comment.Comments;
import org.visaport.platform.problem.Problems;

/**
 * Moderators' decisions on comments. The comment checks the decision fits its state; the decision, its event and its
 * audit entry are stored in one write.
 */
@Service
public class Decisions {

    private final Comments comments;
    private final CommentEvents events;
    private final AuditLog audit;
    private final Clock clock;

    Decisions(Comments comments, CommentEvents events, AuditLog audit, Clock clock) {
        this.comments = comments;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Comment decide(String commentId, ModerationAction action, String reason, String moderatorId) {
        if (action.needsReason() && (reason == null || reason.isBlank())) {
            throw Problems.invalidField("reason", "is required to " + action.wire() + " a comment; the author is told it");
        }
        return comments.change(commentId, comment -> {
            Instant now = clock.instant();
            CommentEventType event = apply(comment, action, reason, moderatorId, now);
            if (event != null) {
                events.record(comment, event);
            }
            comment.record(audit.localStep(audit.entry(moderatorId, "comment." + action.wire(), "comment:" + commentId,
                    reason, Map.of("articleId", comment.getArticleId(), "state", comment.getState().name()))));
            return null;
        }).comment();
    }

    private static CommentEventType apply(Comment comment, ModerationAction action, String reason, String moderatorId, Instant now) {
        return switch (action) {
            case APPROVE -> {
                comment.approve(moderatorId, now);
                yield CommentEventType.APPROVED;
            }
            case REJECT -> {
                comment.reject(moderatorId, reason, now);
                yield CommentEventType.REJECTED;
            }
            case DELETE -> {
                comment.delete(moderatorId, reason, now);
                yield CommentEventType.DELETED;
            }
            case RESTORE -> {
                comment.restore(moderatorId, now);
                yield CommentEventType.RESTORED;
            }
            case FEATURE -> comment.feature(true, now) ? CommentEventType.FEATURED : null;
            case UNFEATURE -> comment.feature(false, now) ? CommentEventType.UNFEATURED : null;
        };
    }
}
