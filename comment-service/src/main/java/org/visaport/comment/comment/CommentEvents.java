package org.visaport.comment.comment;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.topics.Topics;

/** Turns a comment change into the event stored with it; keyed by the article, so a thread's events stay in order. */
@Component
public class CommentEvents {

    static final int EXCERPT_LENGTH = 280;

    private final EventRecorder recorder;
    private final Clock clock;

    public CommentEvents(EventRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    public void record(Comment comment, CommentEventType type) {
        record(comment, type, null);
    }

    public void recordReport(Comment comment, ReportReason reason) {
        record(comment, CommentEventType.REPORTED, reason);
    }

    private void record(Comment comment, CommentEventType type, ReportReason reason) {
        boolean visible = comment.getState() == CommentState.VISIBLE;
        var data = new CommentEventData(comment.getId(), comment.getArticleId(), comment.getInReplyTo(),
                comment.getInReplyToAuthorId(), comment.getDepth(),
                new CommentEventData.Author(comment.getAuthor().memberId(), comment.getAuthor().displayName()),
                comment.getState().name(), comment.isFeatured(), visible ? excerpt(comment.getText()) : null,
                comment.getTotalReports(), reason == null ? null : reason.wire(), comment.getPostedAt(),
                comment.getEditedAt(), clock.instant());
        comment.record(recorder.event(Topics.COMMENT_EVENTS, type.type(), CommentEventType.SCHEMA_VERSION,
                comment.getId(), comment.getArticleId(), data));
    }

    static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replaceAll("\\s+", " ").strip();
        return plain.length() <= EXCERPT_LENGTH ? plain : plain.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
