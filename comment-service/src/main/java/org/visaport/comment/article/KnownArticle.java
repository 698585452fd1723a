package org.visaport.comment.article;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of an article, from news-service's events (or, for one it has not heard of yet, from
 * news-service itself): enough to tell whether it exists for readers and whether it takes comments.
 *
 * @param version the article's version this record reflects; an older event never overwrites a newer one
 */
@Document("known_articles")
public record KnownArticle(@Id String id, String title, String slug, Status status, boolean commentsEnabled, long version,
                           Instant seenAt) {

    public enum Status { PUBLISHED, RETRACTED }

    public boolean open() {
        return status == Status.PUBLISHED && commentsEnabled;
    }
}
