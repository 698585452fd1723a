package org.visaport.news.article;

public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, RETRACTED;

    /** Readers see an article only once it is out; drafts and embargoed articles do not exist for them. */
    public boolean visibleToReaders() {
        return this == PUBLISHED || this == RETRACTED;
    }
}
