package org.visaport.notification.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.visaport.notification.comment.CommentNotices.Told;
import org.visaport.notification.feed.FeedItem.Kind;

class CommentNoticesTest {

    private static CommentData comment(String authorId, String parentAuthorId, String state) {
        return new CommentData("c1", "a1", parentAuthorId == null ? null : "p1", parentAuthorId,
                new CommentData.Author(authorId, "Consul Vidal"), state, "Text", null, Instant.EPOCH);
    }

    @Test
    void aVisibleReplyIsToldToTheParentsAuthor() {
        assertThat(CommentNotices.whoIsTold("comment.posted", comment("vidal", "anna", "VISIBLE")))
                .containsExactly(new Told("anna", Kind.COMMENT_REPLY));
    }

    @Test
    void aReplyWaitingForModerationIsToldWhenApproved() {
        assertThat(CommentNotices.whoIsTold("comment.posted", comment("vidal", "anna", "PENDING"))).isEmpty();
        assertThat(CommentNotices.whoIsTold("comment.approved", comment("vidal", "anna", "VISIBLE")))
                .containsExactly(new Told("vidal", Kind.COMMENT_APPROVED), new Told("anna", Kind.COMMENT_REPLY));
    }

    @Test
    void answeringOneselfTellsNobody() {
        assertThat(CommentNotices.whoIsTold("comment.posted", comment("anna", "anna", "VISIBLE"))).isEmpty();
        assertThat(CommentNotices.whoIsTold("comment.approved", comment("anna", "anna", "VISIBLE")))
                .containsExactly(new Told("anna", Kind.COMMENT_APPROVED));
    }

    @Test
    void aDecisionIsToldToTheAuthorAndTopLevelCommentsToNobodyElse() {
        assertThat(CommentNotices.whoIsTold("comment.rejected", comment("vidal", null, "REJECTED")))
                .containsExactly(new Told("vidal", Kind.COMMENT_REJECTED));
        assertThat(CommentNotices.whoIsTold("comment.posted", comment("vidal", null, "VISIBLE"))).isEmpty();
        assertThat(CommentNotices.whoIsTold("comment.edited", comment("vidal", "anna", "VISIBLE"))).isEmpty();
    }

    @Test
    void aFormerMembersCommentTellsNobodyOfTheirs() {
        assertThat(CommentNotices.whoIsTold("comment.rejected", comment(null, null, "REJECTED"))).isEmpty();
    }

    @Test
    void moderatorsHearOfCommentsHeldOrReportedOnly() {
        assertThat(CommentNotices.forModerators("comment.posted", comment("vidal", null, "PENDING"))).isEqualTo(Kind.COMMENT_WAITING);
        assertThat(CommentNotices.forModerators("comment.edited", comment("vidal", null, "PENDING"))).isEqualTo(Kind.COMMENT_WAITING);
        assertThat(CommentNotices.forModerators("comment.reported", comment("vidal", null, "VISIBLE"))).isEqualTo(Kind.COMMENT_REPORTED);
        assertThat(CommentNotices.forModerators("comment.posted", comment("vidal", null, "VISIBLE"))).isNull();
        assertThat(CommentNotices.forModerators("comment.approved", comment("vidal", null, "VISIBLE"))).isNull();
    }
}
