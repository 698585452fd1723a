package org.visaport.comment.moderation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;

/**
 * How long comments wait for a moderator, for alerting: {@code visaport_comments_pending} and
 * {@code visaport_comments_pending_oldest_age_seconds} (0 when nothing waits). Refreshed on a schedule from two
 * bounded queries, so scraping costs nothing.
 */
@Component
class QueueMetrics {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<java.time.Instant> oldest = new AtomicReference<>();

    QueueMetrics(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder("visaport.comments.pending", pending, AtomicLong::get)
                .description("Comments waiting for a moderator").register(registry);
        Gauge.builder("visaport.comments.pending.oldest.age", oldest, this::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest pending comment has waited").register(registry);
    }

    @Scheduled(fixedDelayString = "${visaport.comments.queue-metrics-interval:PT15S}", initialDelay = 1000)
    void refresh() {
        Query waiting = Query.query(Criteria.where("state").is(CommentState.PENDING));
        pending.set(mongo.count(waiting, Comment.class));
        Comment first = mongo.findOne(Query.query(Criteria.where("state").is(CommentState.PENDING))
                .with(Sort.by("queuedAt", "_id")), Comment.class);
        oldest.set(first == null ? null : first.getQueuedAt());
    }

    private double oldestAgeSeconds(AtomicReference<java.time.Instant> since) {
        java.time.Instant at = since.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }
}
