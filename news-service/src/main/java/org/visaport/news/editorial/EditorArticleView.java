package org.visaport.news.editorial;

import java.time.Instant;
import java.util.List;
import org.visaport.news.article.Article;
import org.visaport.news.article.Author;
import org.visaport.news.article.Correction;
import org.visaport.news.article.Dateline;
import org.visaport.news.article.Retraction;

/** An article as the newsroom sees it, drafts included, with the version to send back when acting on it. */
public record EditorArticleView(String id, String slug, String status, long version, String title, String lede,
                                String body, String bodyHtml, Dateline dateline, Author author, List<String> tags,
                                List<String> regions, List<String> countries, String language, String source,
                                String translationGroup, boolean commentsEnabled, Instant publishAt,
                                Instant publishedAt, Instant createdAt, Instant updatedAt, List<Correction> corrections,
                                Retraction retraction, int eventsAwaitingDelivery) {

    static EditorArticleView of(Article a) {
        return new EditorArticleView(a.getId(), a.getSlug(), a.getStatus().name(), a.getVersion(), a.getTitle(),
                a.getLede(), a.getBody(), a.getBodyHtml(), a.getDateline(), a.getAuthor(), a.getTags(), a.getRegions(),
                a.getCountries(), a.getLanguage(), a.getSource(), a.getTranslationGroup(), a.isCommentsEnabled(),
                a.getPublishAt(), a.getPublishedAt(), a.getCreatedAt(), a.getUpdatedAt(), a.getCorrections(),
                a.getRetraction(), a.getOutbox().size());
    }
}
