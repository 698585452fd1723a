package org.visaport.news.article;

/** The article events on visaport.article.events; a breaking payload change gets a new schema version. */
public enum ArticleEventType {
    PUBLISHED("article.published"),
    UPDATED("article.updated"),
    RETRACTED("article.retracted"),
    CORRECTED("article.corrected"),
    COMMENTS_TOGGLED("article.comments-toggled");

    /** Of every article payload; a breaking change raises it (and the dataschema URI with it). */
    static final int SCHEMA_VERSION = 1;

    private final String type;

    ArticleEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
