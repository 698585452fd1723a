package org.visaport.news.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What downstream archives and translation desks receive about an article, the same shape for every event type.
 * A retracted article's text is not repeated: {@code body} and {@code bodyHtml} are null and {@code retraction} says why.
 */
public record ArticleEventData(String id, String slug, String translationGroup, String title, String lede, String body,
                               String bodyHtml, Dateline dateline, Author author, List<String> tags, List<String> regions,
                               List<String> countries, String language, String source, String status,
                               boolean commentsEnabled, Instant publishedAt, Instant updatedAt, long version,
                               List<Correction> corrections, Retraction retraction) {

    public record Dateline(String place, LocalDate date, String display) {
    }

    public record Author(String memberId, String displayName) {
    }

    public record Correction(String note, Instant at) {
    }

    public record Retraction(String reason, Instant at) {
    }
}
