package org.visaport.notification.comment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The part of comment-service's comment payload this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentData(String commentId, String articleId, String parentId, String parentAuthorId, Author author,
                   String state, String excerpt, String reportReason, Instant occurredAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Author(String memberId, String displayName) {
    }

    String authorId() {
        return author == null ? null : author.memberId();
    }

    boolean visible() {
        return "VISIBLE".equals(state);
    }

    boolean waiting() {
        return "PENDING".equals(state);
    }
}
