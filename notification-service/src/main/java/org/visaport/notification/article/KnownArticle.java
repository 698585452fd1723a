package org.visaport.notification.article;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What notices about comments need of an article: its title to name it and its slug to link to it; and whether it
 * was retracted, so a digest no longer names it.
 */
@Document("known_articles")
public record KnownArticle(@Id String id, String slug, String title, long version, boolean retracted) {
}
