package org.visaport.news.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.news.article.Article;

/**
 * Publishes the events recorded inside articles, oldest first per article, keyed by article id so each article's
 * events stay in order on one partition. An event leaves the outbox only after Kafka acknowledged it; when Kafka is
 * down the events wait, and go out once it is back. A crash between the acknowledgement and the removal re-sends:
 * consumers de-duplicate by event id. One instance relays at a time (the scheduler lock).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int ARTICLES_PER_ROUND = 100;
    private static final String ARTICLES = "articles";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final Duration sendTimeout;
    private final MeterRegistry meters;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, MeterRegistry meters,
                       @Value("${visaport.outbox.send-timeout:PT10S}") Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.meters = meters;
        this.sendTimeout = sendTimeout;
    }

    @Scheduled(fixedDelayString = "${visaport.outbox.interval:PT0.5S}")
    @SchedulerLock(name = "news-outbox-relay", lockAtMostFor = "PT2M")
    public void relay() {
        Query pending = Query.query(Criteria.where("outbox.0").exists(true)).limit(ARTICLES_PER_ROUND);
        pending.fields().include("outbox");
        for (Article article : mongo.find(pending, Article.class)) {
            if (!relay(article.getId(), article.getOutbox())) {
                return;
            }
        }
    }

    /** Sends one article's events in order; stops at the first failure so none overtakes an earlier one. */
    private boolean relay(String articleId, List<PendingEvent> events) {
        for (PendingEvent event : events) {
            try {
                kafka.send(ArticleEvents.TOPIC, articleId, event.envelope()).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | KafkaException | org.apache.kafka.common.KafkaException e) {
                // A send that cannot even get the broker's metadata throws at once instead of failing the future.
                log.warn("Kafka did not take event {} of article {}; it stays in the outbox: {}", event.eventId(), articleId, e.toString());
                meters.counter("visaport.outbox.send.failures").increment();
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            // By collection name, not entity class: an entity update would raise the article's version and turn the
            // next edit of an editor who read it a moment ago into a conflict.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(articleId)),
                    new Update().pull("outbox", new org.bson.Document("eventId", event.eventId())), ARTICLES);
            meters.counter("visaport.outbox.sent", "type", event.type()).increment();
        }
        return true;
    }
}
