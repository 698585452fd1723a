package org.visaport.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class CommentTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Author ANNA = new Author("anna", "Anna Berg");
    private static final Author BORIS = new Author("boris", "Boris Vidal");
    private static final Screening CLEAR = new Screening(List.of(), List.of());
    private static final Screening HELD = new Screening(List.of(), List.of(Hold.of(Rules.PRE_MODERATION, "The site is pre-moderated.")));

    @Test
    void aClearCommentShowsAtOnceAndAHeldOneWaitsInTheQueue() {
        Comment clear = post("c1", null, ANNA, CLEAR);
        Comment held = post("c2", null, ANNA, HELD);

        assertThat(clear.getState()).isEqualTo(CommentState.VISIBLE);
        assertThat(clear.isPlaced()).isTrue();
        assertThat(held.getState()).isEqualTo(CommentState.PENDING);
        assertThat(held.getQueuedAt()).isEqualTo(NOW);
        assertThat(held.isPlaced()).as("not in the thread before a moderator approves it").isFalse();
    }

    @Test
    void repliesNestThreeDeepAndAReplyToTheDeepestJoinsItAsASibling() {
        Comment top = post("c1", null, ANNA, CLEAR);
        Comment second = post("c2", top, BORIS, CLEAR);
        Comment third = post("c3", second, ANNA, CLEAR);
        Comment fourth = post("c4", third, BORIS, CLEAR);

        assertThat(List.of(top.getDepth(), second.getDepth(), third.getDepth(), fourth.getDepth())).containsExactly(1, 2, 3, 3);
        assertThat(fourth.getParentId()).isEqualTo("c2");
        assertThat(fourth.getInReplyTo()).isEqualTo("c3");
        assertThat(fourth.getInReplyToAuthorId()).as("the answered author is told, not the parent's").isEqualTo("anna");
        assertThat(fourth.getRootId()).isEqualTo("c1");
    }

    @Test
    void onlyVisibleCommentsCanBeAnswered() {
        Comment pending = post("c1", null, ANNA, HELD);

        assertThatThrownBy(() -> post("c2", pending, BORIS, CLEAR)).isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("409");
    }

    @Test
    void editsAreAllowedWithinTheWindowAndAHeldEditGoesBackToTheQueue() {
        Comment comment = post("c1", null, ANNA, CLEAR);

        comment.edit(text("Second thoughts"), HELD, Duration.ofMinutes(15), NOW.plusSeconds(60));

        assertThat(comment.getState()).isEqualTo(CommentState.PENDING);
        assertThat(comment.getEditedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(comment.isPlaced()).as("keeps its place while under review").isTrue();
        assertThatThrownBy(() -> comment.edit(text("Too late"), CLEAR, Duration.ofMinutes(15), NOW.plus(Duration.ofMinutes(16))))
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("edit-window-closed");
    }

    @Test
    void aPendingCommentStaysPendingWhenTheEditClearsTheRule() {
        Comment comment = post("c1", null, ANNA, HELD);

        comment.edit(text("Harmless now"), CLEAR, Duration.ofMinutes(15), NOW.plusSeconds(5));

        assertThat(comment.getState()).isEqualTo(CommentState.PENDING);
        assertThat(comment.getHolds()).extracting(Hold::rule).containsExactly(Rules.EDITED_WHILE_PENDING);
    }

    @Test
    void reportsSendAVisibleCommentBackToTheQueueAtTheThreshold() {
        Comment comment = post("c1", null, ANNA, CLEAR);

        assertThat(comment.report(new Report("r1", ReportReason.SPAM, null, NOW), 2)).isFalse();
        assertThat(comment.isReported()).isTrue();
        assertThat(comment.report(new Report("r2", ReportReason.ABUSE, "insulting", NOW), 2)).isTrue();

        assertThat(comment.getState()).isEqualTo(CommentState.PENDING);
        Hold hold = comment.getHolds().getFirst();
        assertThat(hold.rule()).isEqualTo(Rules.REPORTS);
        assertThat(hold.count()).isEqualTo(2);
        assertThat(hold.limit()).isEqualTo(2);
        assertThat(hold.explanation()).contains("1 spam").contains("1 abuse");

        comment.approve("mod", NOW.plusSeconds(10));
        assertThat(comment.getState()).isEqualTo(CommentState.VISIBLE);
        assertThat(comment.isReported()).as("approval closes the reports").isFalse();
        assertThat(comment.getOpenReports()).isZero();
        assertThat(comment.getTotalReports()).isEqualTo(2);
    }

    @Test
    void approvingAVisibleReportedCommentDismissesTheReportsAndAnUnreportedOneNeedsNoApproval() {
        Comment comment = post("c1", null, ANNA, CLEAR);
        assertThatThrownBy(() -> comment.approve("mod", NOW)).hasMessageContaining("comment-state");

        comment.report(new Report("r1", ReportReason.SPAM, null, NOW), 3);
        comment.approve("mod", NOW);

        assertThat(comment.isReported()).isFalse();
        assertThat(comment.getState()).isEqualTo(CommentState.VISIBLE);
    }

    @Test
    void whatTheAuthorDeletedNoModeratorPublishesAgain() {
        Comment comment = post("c1", null, ANNA, CLEAR);
        comment.deleteByAuthor(NOW);

        assertThatThrownBy(() -> comment.restore("mod", NOW)).hasMessageContaining("deleted by its author");
    }

    @Test
    void moderatorsDecideOnlyWhatTheStateAllows() {
        Comment comment = post("c1", null, ANNA, HELD);

        comment.reject("mod", "Off topic", NOW);
        assertThat(comment.getDecision().reason()).isEqualTo("Off topic");
        assertThatThrownBy(() -> comment.reject("mod", "again", NOW)).hasMessageContaining("comment-state");
        assertThatThrownBy(() -> comment.feature(true, NOW)).hasMessageContaining("comment-state");

        comment.restore("mod", NOW);
        assertThat(comment.getState()).isEqualTo(CommentState.VISIBLE);
        assertThat(comment.feature(true, NOW)).isTrue();
        assertThat(comment.feature(true, NOW)).as("featuring twice changes nothing").isFalse();

        comment.delete("mod", "Spam after all", NOW);
        assertThat(comment.getState()).isEqualTo(CommentState.DELETED);
        assertThat(comment.isFeatured()).isFalse();
        assertThat(comment.isPlaced()).as("keeps its place as a removed comment").isTrue();
    }

    @Test
    void aDeletedMembersCommentsBecomeAFormerMembersWithTheTextKeptOrErased() {
        Comment kept = post("c1", null, ANNA, CLEAR);
        Comment erased = post("c2", null, ANNA, CLEAR);

        assertThat(kept.anonymise(false, NOW)).isTrue();
        assertThat(kept.anonymise(false, NOW)).isFalse();
        erased.anonymise(true, NOW);

        assertThat(kept.getAuthor()).isEqualTo(new Author(null, Author.FORMER_MEMBER));
        assertThat(kept.getText()).isEqualTo("Text of c1");
        assertThat(kept.isAuthoredBy("anna")).isFalse();
        assertThat(erased.getText()).isNull();
        assertThat(erased.getState()).isEqualTo(CommentState.DELETED);
        assertThatThrownBy(() -> erased.restore("mod", NOW)).hasMessageContaining("erased");
    }

    @Test
    void aRefusedCommentIsKeptAsRejectedForModeratorsToReview() {
        Hold banned = new Hold(Rules.BANNED_WORD, "Contains \"x\" at 0–1, on the banned list.", List.of(new Hold.Match("x", 0, 1)), 1, null);
        Comment refused = post("c1", null, ANNA, new Screening(List.of(banned), List.of()));

        assertThat(refused.getState()).isEqualTo(CommentState.REJECTED);
        assertThat(refused.getHolds()).containsExactly(banned);
        assertThat(refused.isPlaced()).isFalse();
    }

    private static Comment post(String id, Comment parent, Author author, Screening screening) {
        return Comment.post(id, "article-1", parent, author, text("Text of " + id), screening, NOW);
    }

    private static CommentText text(String source) {
        return new CommentText(source, "<p>" + source + "</p>", List.of(), "fp-" + source);
    }
}
