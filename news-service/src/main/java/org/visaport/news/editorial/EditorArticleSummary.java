package org.visaport.news.editorial;

import java.time.Instant;
import org.visaport.news.article.Article;
import org.visaport.news.article.Dateline;

/**
 * An entry of the newsroom's list: what tells the articles apart and when each changed, went or goes out, with the
 * version to act on. The text stays in {@link EditorArticleView}, which the editor opens.
 */
public record EditorArticleSummary(String id, String slug, String status, long version, String title, String lede,
                                   Dateline dateline, String language, Instant publishAt, Instant publishedAt,
                                   Instant retractedAt, Instant updatedAt) {

    static EditorArticleSummary of(Article a) {
        return new EditorArticleSummary(a.getId(), a.getSlug(), a.getStatus().name(), a.getVersion(), a.getTitle(),
                a.getLede(), a.getDateline(), a.getLanguage(), a.getPublishAt(), a.getPublishedAt(),
                a.getRetraction() == null ? null : a.getRetraction().at(), a.getUpdatedAt());
    }
}
