package org.visaport.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.ErrorResponseException;
import org.visaport.news.search.SearchTerms;

/** The article's own rules: which state changes each state allows, and what each change does. */
class ArticleTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(2));

    @Test
    void aNewArticleIsADraftWithCommentsOn() {
        Article article = draft();

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.isCommentsEnabled()).isTrue();
        assertThat(article.getSlug()).isEqualTo("envoys-meet");
        assertThat(article.getPublishedAt()).isNull();
    }

    // Content edits

    @Test
    void anEditReplacesTheContentAndItsSearchTerms() {
        Article article = draft();

        article.edit(content("Talks resume in Geneva", "The delegations met again."), "<p>html</p>",
                SearchTerms.of("Talks resume in Geneva", "A lede.", "The delegations met again."), "talks-resume-in-geneva", LATER);

        assertThat(article.getTitle()).isEqualTo("Talks resume in Geneva");
        assertThat(article.getBody()).isEqualTo("The delegations met again.");
        assertThat(article.getBodyHtml()).isEqualTo("<p>html</p>");
        assertThat(article.getTitleTerms()).containsExactly("talks", "resume", "geneva");
        assertThat(article.getBodyTerms()).containsExactly("delegations", "met", "again");
        assertThat(article.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"DRAFT", "SCHEDULED"})
    void theSlugFollowsTheTitleBeforePublication(ArticleStatus status) {
        Article article = inState(status);

        edit(article, "Talks resume in Geneva", "talks-resume-in-geneva");

        assertThat(article.slugFollowsTitle()).isTrue();
        assertThat(article.getSlug()).isEqualTo("talks-resume-in-geneva");
        assertThat(article.getStatus()).isEqualTo(status);
    }

    @Test
    void aPublishedArticleCanBeEditedButKeepsItsSlug() {
        Article article = inState(ArticleStatus.PUBLISHED);

        edit(article, "Talks resume in Geneva", "talks-resume-in-geneva");

        assertThat(article.slugFollowsTitle()).isFalse();
        assertThat(article.getTitle()).isEqualTo("Talks resume in Geneva");
        assertThat(article.getSlug()).isEqualTo("envoys-meet");
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void aRetractedArticleCannotBeEdited() {
        Article article = inState(ArticleStatus.RETRACTED);

        assertRefused(() -> edit(article, "Talks resume in Geneva", "talks-resume-in-geneva"), article, "edited");

        assertThat(article.slugFollowsTitle()).isFalse();
        assertThat(article.getTitle()).isEqualTo("Envoys meet");
        assertThat(article.getSlug()).isEqualTo("envoys-meet");
    }

    // Scheduling and publishing

    @Test
    void aDraftIsScheduledUntilItsEmbargoEnds() {
        Article article = draft();

        article.schedule(LATER, NOW);

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(article.getPublishAt()).isEqualTo(LATER);
        assertThat(article.getPublishedAt()).isNull();
        assertThat(article.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void aScheduledArticleCanBeRescheduled() {
        Article article = inState(ArticleStatus.SCHEDULED);

        article.schedule(LATER.plus(Duration.ofDays(1)), NOW);

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(article.getPublishAt()).isEqualTo(LATER.plus(Duration.ofDays(1)));
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"PUBLISHED", "RETRACTED"})
    void anArticleThatIsOutCannotBeScheduled(ArticleStatus status) {
        Article article = inState(status);

        assertRefused(() -> article.schedule(LATER, NOW), article, "scheduled");
    }

    @Test
    void anEmbargoMustEndInTheFuture() {
        Article article = draft();

        assertThatIllegalArgumentException().isThrownBy(() -> article.schedule(NOW, NOW));
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"DRAFT", "SCHEDULED"})
    void anUnpublishedArticleIsPublishedNow(ArticleStatus status) {
        Article article = inState(status);

        article.publish(NOW);

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getPublishedAt()).isEqualTo(NOW);
        assertThat(article.getPublishAt()).isEqualTo(NOW);
        assertThat(article.getUpdatedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"PUBLISHED", "RETRACTED"})
    void anArticleThatIsOutCannotBePublishedAgain(ArticleStatus status) {
        Article article = inState(status);

        assertRefused(() -> article.publish(LATER), article, "published");
    }

    @Test
    void aScheduledArticleIsPublishedOnceItsEmbargoLifts() {
        Article article = draft();
        article.schedule(LATER, NOW);

        assertThat(article.publishIfDue(LATER.minusSeconds(1))).isFalse();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.SCHEDULED);

        assertThat(article.publishIfDue(LATER.plusSeconds(1))).isTrue();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getPublishedAt()).isEqualTo(LATER.plusSeconds(1));

        assertThat(article.publishIfDue(LATER.plusSeconds(2))).as("published once").isFalse();
        assertThat(article.getPublishedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"DRAFT", "PUBLISHED", "RETRACTED"})
    void onlyAScheduledArticleIsEverDue(ArticleStatus status) {
        Article article = inState(status);
        Instant updated = article.getUpdatedAt();

        assertThat(article.publishIfDue(LATER.plus(Duration.ofDays(365)))).isFalse();

        assertThat(article.getStatus()).isEqualTo(status);
        assertThat(article.getUpdatedAt()).isEqualTo(updated);
    }

    // Retraction and corrections

    @Test
    void aPublishedArticleIsRetractedWithItsReason() {
        Article article = inState(ArticleStatus.PUBLISHED);

        article.retract("The account could not be confirmed.", LATER);

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.RETRACTED);
        assertThat(article.getRetraction()).isEqualTo(new Retraction("The account could not be confirmed.", LATER));
        assertThat(article.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"DRAFT", "SCHEDULED", "RETRACTED"})
    void onlyAPublishedArticleCanBeRetracted(ArticleStatus status) {
        Article article = inState(status);

        assertRefused(() -> article.retract("Again.", LATER), article, "retracted");
    }

    @Test
    void correctionsOfAPublishedArticleAddUpInOrder() {
        Article article = inState(ArticleStatus.PUBLISHED);

        article.correct("Article 4 was misquoted.", LATER);
        article.correct("The meeting lasted two hours, not three.", LATER.plusSeconds(60));

        assertThat(article.getCorrections()).containsExactly(new Correction("Article 4 was misquoted.", LATER),
                new Correction("The meeting lasted two hours, not three.", LATER.plusSeconds(60)));
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getUpdatedAt()).isEqualTo(LATER.plusSeconds(60));
    }

    @ParameterizedTest
    @EnumSource(value = ArticleStatus.class, names = {"DRAFT", "SCHEDULED", "RETRACTED"})
    void onlyAPublishedArticleCanBeCorrected(ArticleStatus status) {
        Article article = inState(status);

        assertRefused(() -> article.correct("A note.", LATER), article, "corrected");

        assertThat(article.getCorrections()).isEmpty();
    }

    // Comments

    @ParameterizedTest
    @EnumSource(ArticleStatus.class)
    void commentsCanBeTurnedOffAndOnInAnyState(ArticleStatus status) {
        Article article = inState(status);

        assertThat(article.enableComments(false, LATER)).isTrue();
        assertThat(article.isCommentsEnabled()).isFalse();
        assertThat(article.getUpdatedAt()).isEqualTo(LATER);

        assertThat(article.enableComments(true, LATER.plusSeconds(1))).isTrue();
        assertThat(article.isCommentsEnabled()).isTrue();
        assertThat(article.getStatus()).isEqualTo(status);
    }

    @Test
    void askingForTheCurrentCommentSettingChangesNothing() {
        Article article = inState(ArticleStatus.PUBLISHED);
        Instant updated = article.getUpdatedAt();

        assertThat(article.enableComments(true, LATER)).isFalse();
        assertThat(article.isCommentsEnabled()).isTrue();
        assertThat(article.getUpdatedAt()).isEqualTo(updated);

        article.enableComments(false, LATER);
        assertThat(article.enableComments(false, LATER.plusSeconds(1))).isFalse();
        assertThat(article.isCommentsEnabled()).isFalse();
        assertThat(article.getUpdatedAt()).isEqualTo(LATER);
    }

    // Helpers

    /** A refused change answers 409 with the same problem as before the rules moved into the article, and changes nothing. */
    private static void assertRefused(ThrowingCallable change, Article article, String action) {
        ArticleStatus before = article.getStatus();
        Instant updated = article.getUpdatedAt();
        int corrections = article.getCorrections().size();

        assertThatThrownBy(change).isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(refused.getBody().getType()).hasToString("https://visaport.example/problems/conflict");
            assertThat(refused.getBody().getTitle()).isEqualTo("Not possible in this state");
            assertThat(refused.getBody().getDetail())
                    .isEqualTo("Article a-1 is " + before + "; it cannot be " + action + ".");
        });
        assertThat(article.getStatus()).isEqualTo(before);
        assertThat(article.getUpdatedAt()).isEqualTo(updated);
        assertThat(article.getCorrections()).hasSize(corrections);
    }

    private static Article draft() {
        Article article = new Article("a-1", "envoys-meet", "a-1", new Author("m-1", "Ann Editor"), CREATED);
        edit(article, "Envoys meet", "envoys-meet");
        return article;
    }

    /** A new article taken to {@code status} the way the newsroom would get it there. */
    private static Article inState(ArticleStatus status) {
        Article article = draft();
        switch (status) {
            case DRAFT -> {
            }
            case SCHEDULED -> article.schedule(LATER, CREATED);
            case PUBLISHED -> article.publish(CREATED);
            case RETRACTED -> {
                article.publish(CREATED);
                article.retract("Withdrawn.", CREATED);
            }
        }
        return article;
    }

    private static void edit(Article article, String title, String slugForTitle) {
        ArticleContent content = content(title, "The envoys met for three hours.");
        article.edit(content, "<p>" + content.body() + "</p>", SearchTerms.of(content.title(), content.lede(), content.body()),
                slugForTitle, CREATED);
    }

    private static ArticleContent content(String title, String body) {
        return new ArticleContent(title, "A lede.", body, new Dateline("Vienna, Austria", LocalDate.of(2016, 10, 3)),
                List.of("diplomacy"), List.of("europe"), List.of("AT"), "en", "Test desk");
    }
}
