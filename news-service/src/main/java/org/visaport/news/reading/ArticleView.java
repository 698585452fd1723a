package org.visaport.news.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleStatus;

/**
 * An article as a reader gets it. Without membership the full text is left out and {@code membersOnly} says
 * there is more; a retracted article shows the reason instead of its text.
 */
public record ArticleView(String id, String slug, String title, String lede, Dateline dateline, Author author,
                          List<String> tags, List<String> regions, List<String> countries, String language,
                          String translationGroup, List<Translation> translations, String source,
                          Instant publishedAt, Instant updatedAt, boolean commentsEnabled, boolean membersOnly,
                          String bodyHtml, List<Correction> corrections, Retraction retraction) {

    public record Dateline(String place, LocalDate date, String display) {
    }

    public record Author(String memberId, String displayName) {
    }

    public record Translation(String language, String slug) {
    }

    public record Correction(String note, Instant at) {
    }

    public record Retraction(String reason, Instant at) {
    }

    static ArticleView of(Article article, boolean member, List<Translation> translations) {
        boolean retracted = article.getStatus() == ArticleStatus.RETRACTED;
        return new ArticleView(article.getId(), article.getSlug(), article.getTitle(), article.getLede(),
                dateline(article), new Author(article.getAuthor().memberId(), article.getAuthor().displayName()),
                article.getTags(), article.getRegions(), article.getCountries(), article.getLanguage(),
                article.getTranslationGroup(), translations, article.getSource(), article.getPublishedAt(),
                article.getUpdatedAt(), article.isCommentsEnabled(), !member && !retracted,
                member && !retracted ? article.getBodyHtml() : null,
                article.getCorrections().stream().map(c -> new Correction(c.note(), c.at())).toList(),
                retracted ? new Retraction(article.getRetraction().reason(), article.getRetraction().at()) : null);
    }

    static Dateline dateline(Article article) {
        return new Dateline(article.getDateline().place(), article.getDateline().date(), article.getDateline().display());
    }
}
