package org.visaport.notification.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.delivery.Deliveries;
import org.visaport.notification.delivery.Notice;
import org.visaport.notification.delivery.Recipient;
import org.visaport.notification.feed.FeedItem;
import org.visaport.notification.mail.Links;
import org.visaport.notification.subscription.Cadence;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.notification.subscription.Topic;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;

/**
 * Tells the members who follow a briefing's tags, regions or countries that it was published (also when an embargo
 * lifted) or corrected, and everyone told of a briefing that it was corrected or retracted (see {@link #followUp}).
 * Only the title, the lede and a link go out, never the text: a members-only briefing must not leak by mail. The fan-out reads subscriptions in batches and writes each batch in bulk; a redelivered event
 * stores nothing twice, so a fan-out interrupted half-way is finished by the retry.
 */
@Component
class ArticleEventsListener {

    static final String CONSUMER = "notification-service.articles";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final KnownArticles articles;
    private final Subscriptions subscriptions;
    private final ArticleRecipients recipients;
    private final Deliveries deliveries;
    private final Links links;
    private final Clock clock;
    private final int batchSize;

    ArticleEventsListener(EventReader reader, ProcessedEvents processed, KnownArticles articles,
                          Subscriptions subscriptions, ArticleRecipients recipients, Deliveries deliveries, Links links, Clock clock,
                          @Value("${visaport.notifications.fan-out-batch:500}") int batchSize) {
        this.reader = reader;
        this.processed = processed;
        this.articles = articles;
        this.subscriptions = subscriptions;
        this.recipients = recipients;
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
            boolean retracted = "article.retracted".equals(event.type()) || "RETRACTED".equals(data.status());
            articles.remember(new KnownArticle(data.id(), data.slug(), data.title(), data.version(), retracted));
            switch (event.type()) {
                case "article.published" -> tellFollowers(notice(event.id(), data, FeedItem.Kind.ARTICLE_PUBLISHED, "article"), data, Set.of());
                case "article.corrected" -> {
                    Notice notice = notice(event.id(), data, FeedItem.Kind.ARTICLE_CORRECTED, "article.corrected");
                    tellFollowers(notice, data, followUp(notice, data));
                }
                case "article.retracted" -> followUp(notice(event.id(), data, FeedItem.Kind.ARTICLE_RETRACTED, "article.retracted"), data);
                default -> {
                }
            }
        });
    }

    /**
     * Tells the followers of the briefing's topics, except those {@code alreadyTold} by a follow-up, and records
     * whom it told.
     */
    private void tellFollowers(Notice notice, ArticleData data, Set<String> alreadyTold) {
        subscriptions.forEachFollowing(data.tags(), data.regions(), data.countries(), batchSize, batch -> {
            List<Recipient> followers = batch.stream()
                    .filter(s -> !alreadyTold.contains(s.id()))
                    .filter(s -> s.wantsArticle(data.tags(), data.regions(), data.countries(), data.authorId()))
                    .map(s -> Recipient.of(s, Topic.ARTICLES))
                    .toList();
            deliveries.deliver(notice, followers);
            recipients.told(data.id(), data.version(), followers);
        });
    }

    /**
     * Tells everyone who was told of the briefing before that it changed: in the app, and by e-mail if they were told
     * by e-mail, whatever they follow today (they may act on what they read). Members no longer active are not told.
     * Returns whom it told.
     */
    private Set<String> followUp(Notice notice, ArticleData data) {
        Set<String> told = new HashSet<>();
        recipients.forEachTold(data.id(), batchSize, batch -> {
            Map<String, Subscription> members = subscriptions.of(batch.stream().map(ArticleRecipient::memberId).toList());
            List<Recipient> followUps = batch.stream()
                    .filter(r -> members.containsKey(r.memberId()) && members.get(r.memberId()).active())
                    .map(r -> {
                        Subscription member = members.get(r.memberId());
                        return new Recipient(r.memberId(), true, r.byEmail(),
                                member.articles().cadence() == Cadence.DAILY_DIGEST, member.schedule());
                    })
                    .toList();
            deliveries.deliver(notice, followUps);
            recipients.told(data.id(), data.version(), followUps);
            followUps.forEach(r -> told.add(r.memberId()));
        });
        return told;
    }

    private Notice notice(String eventId, ArticleData data, FeedItem.Kind kind, String template) {
        String lede = data.lede() == null ? "" : data.lede();
        Map<String, String> values = new HashMap<>();
        values.put("title", data.title());
        values.put("lede", lede);
        values.put("reason", data.retraction() == null ? null : data.retraction().reason());
        String summary = kind == FeedItem.Kind.ARTICLE_RETRACTED
                ? "Retracted by the editors" + (data.retraction() == null ? "" : ": " + data.retraction().reason()) : lede;
        return new Notice(eventId, kind, data.title(), summary, FeedItem.Link.toArticle(data.id(), data.slug()),
                data.updatedAt() != null ? data.updatedAt() : clock.instant(), template, values, "article.link",
                links.article(data.id(), data.slug()));
    }

    /** The part of news-service's article payload this service reads; body and bodyHtml are deliberately not read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleData(String id, String slug, String title, String lede, Author author, List<String> tags,
                       List<String> regions, List<String> countries, String status, long version, Instant updatedAt,
                       Retraction retraction) {

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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Retraction(String reason) {
    }
}
