package org.visaport.news.article;

import java.util.List;

/** What an editor writes; validated at the API edge (see editorial.ArticleRequest) before it gets here. */
public record ArticleContent(String title, String lede, String body, Dateline dateline, List<String> tags,
                             List<String> regions, List<String> countries, String language, String source) {
}
