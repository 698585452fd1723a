package org.visaport.news.reading;

import java.time.Instant;
import java.util.List;
import org.visaport.news.article.Article;

/** A list entry: the teaser everyone may see. */
public record ArticleSummary(String id, String slug, String title, String lede, ArticleView.Dateline dateline,
                             List<String> tags, List<String> regions, List<String> countries, String language,
                             Instant publishedAt) {

    static ArticleSummary of(Article article) {
        return new ArticleSummary(article.getId(), article.getSlug(), article.getTitle(), article.getLede(),
                ArticleView.dateline(article), article.getTags(), article.getRegions(), article.getCountries(),
                article.getLanguage(), article.getPublishedAt());
    }
}
