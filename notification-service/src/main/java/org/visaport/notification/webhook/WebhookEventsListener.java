package org.visaport.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.mail.Links;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues news-service's article events to the endpoints subscribed to their type, in its own consumer group so
 * webhooks neither wait for nor hold up the members' notices. An event delivered again queues nothing twice: it is
 * remembered as processed, and its deliveries' ids derive from it.
 */
@Component
class WebhookEventsListener {

    static final String CONSUMER = "notification-service.webhooks";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Links links;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEventsListener(EventReader reader, ProcessedEvents processed, WebhookEndpoints endpoints,
                          WebhookDeliveries deliveries, Links links, JsonMapper json, Clock clock) {
        this.reader = reader;
        this.processed = processed;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.links = links;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ARTICLE_EVENTS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        if (!EventTypes.ALL.contains(event.type())) {
            return;
        }
        ArticlePayload article = reader.data(event, ArticlePayload.class);
        if (article.id() == null || article.title() == null) {
            throw new UnreadableEvent(event.type() + " " + event.id() + " names no article id or title", null);
        }
        processed.once(CONSUMER, event.id(), () -> {
            // When the change happened at news-service.
            Instant occurredAt = event.time() != null ? event.time() : clock.instant();
            String body = json.writeValueAsString(new ArticlePayload.Body(event.type(), occurredAt,
                    article.withLink(links.article(article.id(), article.slug()))));
            deliveries.queue(new PublishedEvent(event.id(), event.type(), occurredAt, body, clock.instant()),
                    endpoints.subscribedTo(event.type()));
        });
    }
}
