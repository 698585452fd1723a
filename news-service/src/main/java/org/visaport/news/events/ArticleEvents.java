package org.visaport.news.events;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleStatus;
import tools.jackson.databind.json.JsonMapper;

/** Turns an article change into the event to record with it, envelope and all. */
@Component
public class ArticleEvents {

    public static final String TOPIC = "visaport.article.events";
    static final String SOURCE = "/news-service";

    private final JsonMapper json;
    private final Clock clock;

    public ArticleEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Records the event on the article, to be stored by the same save as the change. */
    public void record(Article article, ArticleEventType type) {
        EventEnvelope<ArticleEventData> envelope = new EventEnvelope<>("1.0", UUID.randomUUID().toString(), type.type(),
                SOURCE, article.getId(), clock.instant(), "application/json", type.dataschema(), data(article));
        article.record(new PendingEvent(envelope.id(), envelope.type(), json.writeValueAsString(envelope)));
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
