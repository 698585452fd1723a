package org.visaport.news.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.visaport.news.search.SearchTerms;
import org.visaport.platform.caching.ChangeStamps;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.rendering.MarkdownRenderer;

/**
 * The newsroom's commands. Each loads an article, lets it change itself, records the events readers may see, and
 * saves both in one versioned write (a concurrent edit fails with 409 instead of being overwritten); the events then
 * leave through the outbox relay at once.
 */
@Service
public class ArticleService {

    /** Numbered alternatives, then random ones: a title used any number of times still gets a slug. */
    private static final int SLUG_ATTEMPTS = Slugs.NUMBERED + 10;

    /**
     * The change stamp of what readers list: every save of an article replaces it, and once the save's events left,
     * the relay makes sure of it (see {@link ArticleOutbox}), so a change whose first stamp was lost is still recorded.
     */
    public static final String READERS_LIST = "articles";

    private final ArticleRepository articles;
    private final ArticleEvents events;
    private final MarkdownRenderer renderer;
    private final OutboxRelay outbox;
    private final ChangeStamps stamps;
    private final Clock clock;

    public ArticleService(ArticleRepository articles, ArticleEvents events, MarkdownRenderer renderer, OutboxRelay outbox,
                          ChangeStamps stamps, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.renderer = renderer;
        this.outbox = outbox;
        this.stamps = stamps;
        this.clock = clock;
    }

    /** A new draft; {@code translationOf} links it to another language version of the same story. */
    public Article createDraft(String id, ArticleContent content, Author author, String translationOf) {
        String group = translationOf == null ? id : find(translationOf).getTranslationGroup();
        String base = Slugs.fromTitle(content.title());
        for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
            String slug = attempt == 1 ? base : Slugs.withSuffix(base, attempt);
            if (articles.existsBySlug(slug)) {
                continue;
            }
            Article article = new Article(id, slug, group, author, clock.instant());
            applyContent(article, content, slug);
            try {
                return articles.insert(article);
            } catch (DuplicateKeyException takenMeanwhile) {
                // Another draft took the slug between the check and the insert: try the next one.
            }
        }
        throw new IllegalStateException("no free slug for " + base);
    }

    public Article update(String id, long expectedVersion, ArticleContent content) {
        return change(id, expectedVersion, article -> {
            String slug = article.slugFollowsTitle() ? freeSlug(Slugs.fromTitle(content.title()), article) : article.getSlug();
            applyContent(article, content, slug);
            if (article.getStatus() == ArticleStatus.PUBLISHED) {
                events.record(article, ArticleEventType.UPDATED);
            }
        });
    }

    /** Embargoes the article until {@code publishAt}; a time that has already come publishes it now. */
    public Article schedule(String id, long expectedVersion, Instant publishAt) {
        Instant now = clock.instant();
        if (!publishAt.isAfter(now)) {
            return publishNow(id, expectedVersion);
        }
        return change(id, expectedVersion, article -> article.schedule(publishAt, now));
    }

    public Article publishNow(String id, long expectedVersion) {
        return change(id, expectedVersion, article -> {
            article.publish(clock.instant());
            events.record(article, ArticleEventType.PUBLISHED);
        });
    }

    public Article retract(String id, long expectedVersion, String reason) {
        return change(id, expectedVersion, article -> {
            article.retract(reason, clock.instant());
            events.record(article, ArticleEventType.RETRACTED);
        });
    }

    public Article correct(String id, long expectedVersion, String note) {
        return change(id, expectedVersion, article -> {
            article.correct(note, clock.instant());
            events.record(article, ArticleEventType.CORRECTED);
        });
    }

    public Article enableComments(String id, long expectedVersion, boolean enabled) {
        return change(id, expectedVersion, article -> {
            boolean changed = article.enableComments(enabled, clock.instant());
            if (changed && article.getStatus() == ArticleStatus.PUBLISHED) {
                events.record(article, ArticleEventType.COMMENTS_TOGGLED);
            }
        });
    }

    /**
     * Publishes a scheduled article whose embargo has lifted. The versioned save makes it happen once even when two
     * instances try: the second one's save fails and it leaves the article alone.
     */
    public boolean publishIfDue(Article scheduled) {
        if (!scheduled.publishIfDue(clock.instant())) {
            return false;
        }
        events.record(scheduled, ArticleEventType.PUBLISHED);
        try {
            saved(articles.save(scheduled));
            return true;
        } catch (OptimisticLockingFailureException publishedOrEditedMeanwhile) {
            return false;
        }
    }

    public Article find(String id) {
        return articles.findById(id).orElseThrow(() -> ArticleProblems.notFound(id));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private Article change(String id, long expectedVersion, Consumer<Article> change) {
        Article article = find(id);
        if (article.getVersion() != expectedVersion) {
            throw ArticleProblems.staleVersion(id, article.getVersion());
        }
        change.accept(article);
        try {
            return saved(articles.save(article));
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw ArticleProblems.staleVersion(id, find(id).getVersion());
        } catch (DuplicateKeyException slugTakenMeanwhile) {
            // The only unique key an existing article can clash on: another article took the slug since freeSlug looked.
            throw ArticleProblems.slugTaken(id, article.getSlug(), expectedVersion);
        }
    }

    /**
     * The write returned: readers' lists may have changed, and what it recorded goes to the relay now rather than at
     * its next poll.
     */
    private Article saved(Article article) {
        stamps.changed(READERS_LIST, article.getUpdatedAt());
        if (!article.getOutbox().isEmpty()) {
            outbox.dispatch(article.getId());
        }
        return article;
    }

    private void applyContent(Article article, ArticleContent content, String slugForTitle) {
        article.edit(content, renderer.toSafeHtml(content.body()),
                SearchTerms.of(content.title(), content.lede(), content.body()), slugForTitle, clock.instant());
    }

    private String freeSlug(String base, Article self) {
        for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
            String slug = attempt == 1 ? base : Slugs.withSuffix(base, attempt);
            var holder = articles.findBySlug(slug);
            if (holder.isEmpty() || holder.get().getId().equals(self.getId())) {
                return slug;
            }
        }
        return self.getSlug();
    }
}
