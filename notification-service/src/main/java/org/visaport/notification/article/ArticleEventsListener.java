package org.visaport.notification.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.delivery.Deliveries;
import org.visaport.notification.delivery.Notice;
import org.visaport.notification.delivery.Recipient;
import org.visaport.notification.feed.FeedItem;
import org.visaport.notification.mail.Links;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;

/**
 * Tells the members who follow a briefing's tags, regions or countries that it was published (also when an embargo
 * lifted) or corrected. Only the title, the lede and a link go out, never the text: a members-only briefing must not
 * leak by mail. The fan-out reads subscriptions in batches and writes each batch in bulk; a redelivered event
 * stores nothing twice, so a fan-out interrupted half-way is finished by the retry.
 */
@Component
class ArticleEventsListener {

    static final String CONSUMER = "notification-service.articles";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final KnownArticles articles;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Links links;
    private final Clock clock;
    private final int batchSize;

    ArticleEventsListener(EventReader reader, ProcessedEvents processed, KnownArticles articles,
                          Subscriptions subscriptions, Deliveries deliveries, Links links, Clock clock,
                          @Value("${visaport.notifications.fan-out-batch:500}") int batchSize) {
        this.reader = reader;
        this.processed = processed;
        this.articles = articles;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.links = links;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ARTICLE_EVENTS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        if (!event.type().startsWith("article.")) {
            return;
        }
        ArticleData data = reader.data(event, ArticleData.class);
        // Not retryable: without them there is no article to remember or name, however often the event is tried.
        if (data.id() == null || data.title() == null) {
            throw new UnreadableEvent(event.type() + " " + event.id() + " names no article id or title", null);
        }
        processed.once(CONSUMER, event.id(), () -> {
            articles.remember(new KnownArticle(data.id(), data.slug(), data.title(), data.version()));
            switch (event.type()) {
                case "article.published" -> tellFollowers(notice(event.id(), data, FeedItem.Kind.ARTICLE_PUBLISHED, "article"), data);
                case "article.corrected" -> tellFollowers(notice(event.id(), data, FeedItem.Kind.ARTICLE_CORRECTED, "article.corrected"), data);
                default -> {
                }
            }
        });
    }

    private void tellFollowers(Notice notice, ArticleData data) {
        subscriptions.forEachFollowing(data.tags(), data.regions(), data.countries(), batchSize, batch ->
                deliveries.deliver(notice, batch.stream()
                        .filter(s -> s.wantsArticle(data.tags(), data.regions(), data.countries(), data.authorId()))
                        .map(s -> Recipient.of(s.id(), s.articles()))
                        .toList()));
    }

    private Notice notice(String eventId, ArticleData data, FeedItem.Kind kind, String template) {
        String lede = data.lede() == null ? "" : data.lede();
        return new Notice(eventId, kind, data.title(), lede, new FeedItem.Link(data.id(), data.slug(), null),
                data.updatedAt() != null ? data.updatedAt() : clock.instant(), template,
                Map.of("title", data.title(), "lede", lede), "article.link", links.article(data.id(), data.slug()));
    }

    /** The part of news-service's article payload this service reads; body and bodyHtml are deliberately not read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleData(String id, String slug, String title, String lede, Author author, List<String> tags,
                       List<String> regions, List<String> countries, long version, Instant updatedAt) {

        ArticleData {
            tags = tags == null ? List.of() : tags;
            regions = regions == null ? List.of() : regions;
            countries = countries == null ? List.of() : countries;
        }

        String authorId() {
            return author == null ? null : author.memberId();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Author(String memberId) {
    }
}
