package org.visaport.comment.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;

/**
 * Keeps the local article read model from news-service's events. Applying an event is idempotent by itself (the
 * version only moves forward); remembered event ids spare the work on redelivery. A retracted article or one whose
 * comments were turned off closes its thread to new comments; reading goes on.
 */
@Component
class ArticleEventsListener {

    static final String CONSUMER = "comment-service.articles";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final KnownArticles articles;
    private final Clock clock;

    ArticleEventsListener(EventReader reader, ProcessedEvents processed, KnownArticles articles, Clock clock) {
        this.reader = reader;
        this.processed = processed;
        this.articles = articles;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ARTICLE_EVENTS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        if (!event.type().startsWith("article.")) {
            return;
        }
        ArticleData data = reader.data(event, ArticleData.class);
        // Not retryable: without them there is no article to keep or name, however often the event is tried.
        if (data.id() == null || data.title() == null) {
            throw new UnreadableEvent(event.type() + " " + event.id() + " names no article id or title", null);
        }
        processed.once(CONSUMER, event.id(), () -> articles.apply(new KnownArticle(data.id(), data.title(), data.slug(),
                "RETRACTED".equals(data.status()) ? KnownArticle.Status.RETRACTED : KnownArticle.Status.PUBLISHED,
                data.commentsEnabled(), data.version(), clock.instant())));
    }

    /** The part of news-service's article payload this service needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleData(String id, String slug, String title, String status, boolean commentsEnabled, long version) {
    }
}
