package org.visaport.news.events;

/** The article events on visaport.article.events; a breaking payload change gets a new schema version. */
public enum ArticleEventType {
    PUBLISHED("article.published"),
    UPDATED("article.updated"),
    RETRACTED("article.retracted"),
    CORRECTED("article.corrected"),
    COMMENTS_TOGGLED("article.comments-toggled");

    static final int SCHEMA_VERSION = 1;

    private final String type;

    ArticleEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public String dataschema() {
        return "https://visaport.example/schemas/" + type + "/" + SCHEMA_VERSION;
    }
}
