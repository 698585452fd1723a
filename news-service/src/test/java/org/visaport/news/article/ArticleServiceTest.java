package org.visaport.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.caching.ChangeStamps;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.rendering.MarkdownRenderer;

/** How the service reports a save that clashes with another article's slug (the race the API cannot time). */
class ArticleServiceTest {

    private final ArticleRepository articles = mock(ArticleRepository.class);
    private final ArticleService service = new ArticleService(articles, mock(ArticleEvents.class), new MarkdownRenderer(), mock(OutboxRelay.class),
            mock(ChangeStamps.class), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aSlugTakenBetweenTheCheckAndTheSaveIsItsOwnConflictNotAStaleVersion() {
        Article draft = new Article("a-1", "draft-statement", "a-1", new Author("m-1", "Ann Editor"), Instant.EPOCH);
        ReflectionTestUtils.setField(draft, "version", 0L); // as loaded from the database
        when(articles.findById("a-1")).thenReturn(Optional.of(draft));
        // The slug looks free when checked; another draft takes it before this save reaches the unique index.
        when(articles.findBySlug(any())).thenReturn(Optional.empty());
        when(articles.save(any())).thenThrow(new DuplicateKeyException("E11000 duplicate key error index: slug"));
        ArticleContent renamed = new ArticleContent("Joint statement", "A lede.", "Body.",
                new Dateline("Vienna, Austria", LocalDate.of(2016, 10, 3)), List.of(), List.of(), List.of(), "en", null);

        assertThatThrownBy(() -> service.update("a-1", 0, renamed))
                .isInstanceOfSatisfying(ErrorResponseException.class, conflict -> {
                    assertThat(conflict.getStatusCode().value()).isEqualTo(409);
                    assertThat(conflict.getBody().getType()).hasToString("https://visaport.example/problems/slug-taken");
                    assertThat(conflict.getBody().getTitle()).isEqualTo("Slug taken meanwhile");
                    assertThat(conflict.getBody().getDetail()).contains("joint-statement").contains("Send the edit again");
                    assertThat(conflict.getBody().getProperties())
                            .containsEntry("slug", "joint-statement").containsEntry("currentVersion", 0L);
                });
    }
}
