package org.visaport.news.article;

import org.springframework.stereotype.Component;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.topics.Topics;

/** Turns an article change into the event to store with it in the article's outbox, envelope and all. */
@Component
public class ArticleEvents {

    private final EventRecorder recorder;

    public ArticleEvents(EventRecorder recorder) {
        this.recorder = recorder;
    }

    /** Records the event on the article, to be stored by the same save as the change; keyed by the article id. */
    public void record(Article article, ArticleEventType type) {
        article.record(recorder.event(Topics.ARTICLE_EVENTS, type.type(), ArticleEventType.SCHEMA_VERSION, article.getId(),
                article.getId(), data(article)));
    }

    private static ArticleEventData data(Article article) {
        boolean retracted = article.getStatus() == ArticleStatus.RETRACTED;
        var dateline = article.getDateline();
        // The version this save will give the document (Spring Data starts at 0 and adds 1 per save).
        long version = article.getVersion() == null ? 0 : article.getVersion() + 1;
        return new ArticleEventData(article.getId(), article.getSlug(), article.getTranslationGroup(), article.getTitle(),
                article.getLede(), retracted ? null : article.getBody(), retracted ? null : article.getBodyHtml(),
                new ArticleEventData.Dateline(dateline.place(), dateline.date(), dateline.display()),
                new ArticleEventData.Author(article.getAuthor().memberId(), article.getAuthor().displayName()),
                article.getTags(), article.getRegions(), article.getCountries(), article.getLanguage(), article.getSource(),
                article.getStatus().name(), article.isCommentsEnabled(), article.getPublishedAt(), article.getUpdatedAt(),
                version,
                article.getCorrections().stream().map(c -> new ArticleEventData.Correction(c.note(), c.at())).toList(),
                article.getRetraction() == null ? null
                        : new ArticleEventData.Retraction(article.getRetraction().reason(), article.getRetraction().at()));
    }
}
