package org.visaport.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.storage.DueQueue;
import org.visaport.notification.storage.Inserts;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.problem.Problems;

/** The events webhooks carry and their deliveries to each endpoint, with every attempt. */
@Service
class WebhookDeliveries {

    /** Attempts kept per delivery, the newest: a day of retries at the default back-off, and some replays. */
    static final int KEPT_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WebhookProperties properties;
    private final DueQueue<WebhookDelivery> queue;

    WebhookDeliveries(MongoTemplate mongo, Clock clock, WebhookProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.queue = new DueQueue<>(mongo, clock, WebhookDelivery.class, properties.claimFor(), "queuedAt");
    }

    /** Keeps the event for replays and queues it to the endpoints; an event handled twice changes nothing. */
    void queue(PublishedEvent event, Collection<WebhookEndpoint> endpoints) {
        Inserts.ignoringDuplicates(mongo, PublishedEvent.class, List.of(event));
        Instant now = clock.instant();
        Inserts.ignoringDuplicates(mongo, WebhookDelivery.class,
                endpoints.stream().map(endpoint -> WebhookDelivery.queued(event, endpoint.id(), now)).toList());
    }

    Optional<WebhookDelivery> claimNextDue() {
        return queue.claimNextDue();
    }

    long pending() {
        return queue.pending();
    }

    Optional<Instant> oldestPending() {
        return queue.oldestPending();
    }

    /**
     * Records an attempt on a delivery this sender claimed: it SUCCEEDED, waits for its next try, or (retries run out,
     * {@code giveUp}) FAILED. Says whether it is FAILED now.
     */
    boolean record(WebhookDelivery claimed, WebhookDelivery.Attempt attempt, boolean succeeded, boolean giveUp) {
        Instant now = clock.instant();
        Update outcome = withAttempt(attempt);
        boolean failed = false;
        if (succeeded) {
            outcome.set("status", WebhookDelivery.Status.SUCCEEDED).set("finishedAt", now);
        } else {
            int tries = claimed.tries() + 1;
            Instant deadline = claimed.queuedAt().plus(properties.retryFor());
            failed = giveUp || !now.isBefore(deadline);
            if (failed) {
                outcome.set("status", WebhookDelivery.Status.FAILED).set("finishedAt", now).set("tries", tries);
            } else {
                // The last try comes at the deadline rather than never.
                Instant next = now.plus(properties.backoff().after(tries));
                outcome.set("tries", tries).set("nextAttemptAt", next.isAfter(deadline) ? deadline : next);
            }
        }
        // Only while the claim holds: a replay that queued the delivery again meanwhile keeps it pending.
        Query stillMine = Query.query(Criteria.where("_id").is(claimed.id()).and("status").is(WebhookDelivery.Status.PENDING)
                .and("nextAttemptAt").is(claimed.nextAttemptAt()));
        if (mongo.updateFirst(stillMine, outcome, WebhookDelivery.class).getMatchedCount() == 0) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id())), withAttempt(attempt), WebhookDelivery.class);
            return false;
        }
        return failed;
    }

    private static Update withAttempt(WebhookDelivery.Attempt attempt) {
        Update update = new Update();
        update.push("attempts").slice(-KEPT_ATTEMPTS).each(attempt);
        return update;
    }

    List<WebhookDelivery> page(String endpointId, WebhookDelivery.Status status, KeysetPosition after, int limit) {
        Criteria filter = Criteria.where("endpointId").is(endpointId);
        if (status != null) {
            filter.and("status").is(status);
        }
        return mongo.find(Keyset.query(filter, "createdAt", Sort.Direction.DESC, after, limit), WebhookDelivery.class);
    }

    WebhookDelivery get(String endpointId, String id) {
        WebhookDelivery delivery = mongo.findOne(Query.query(Criteria.where("_id").is(id).and("endpointId").is(endpointId)),
                WebhookDelivery.class);
        if (delivery == null) {
            throw Problems.notFound("No such delivery", "Webhook " + endpointId + " has no delivery " + id + ".");
        }
        return delivery;
    }

    /** Queues the delivery again with a fresh retry period; the same {@code webhook-id} goes out. */
    WebhookDelivery replay(String endpointId, String id) {
        get(endpointId, id);
        requeue(Criteria.where("_id").is(id));
        return get(endpointId, id);
    }

    /**
     * Queues to the endpoint every event of its types that happened in [{@code from}, {@code to}): again where it had
     * a delivery, anew where it had none (it was FAILING, or subscribed later). Says how many.
     */
    int replay(WebhookEndpoint endpoint, Instant from, Instant to) {
        Query inRange = Query.query(Criteria.where("occurredAt").gte(from).lt(to).and("type").in(endpoint.eventTypes()))
                .with(Sort.by("occurredAt", "_id")).limit(properties.replayMaxEvents() + 1);
        inRange.fields().include("_id");
        List<String> eventIds = mongo.find(inRange, PublishedEvent.class).stream().map(PublishedEvent::id).toList();
        if (eventIds.size() > properties.replayMaxEvents()) {
            throw Problems.invalidField("to", "the range holds more than " + properties.replayMaxEvents()
                    + " events; replay a shorter one");
        }
        requeue(Criteria.where("endpointId").is(endpoint.id()).and("eventId").in(eventIds));
        Instant now = clock.instant();
        Inserts.ignoringDuplicates(mongo, WebhookDelivery.class, mongo.find(Query.query(Criteria.where("_id").in(eventIds)),
                PublishedEvent.class).stream().map(event -> WebhookDelivery.queued(event, endpoint.id(), now)).toList());
        return eventIds.size();
    }

    /**
     * A finished delivery becomes due now; a pending one keeps its next attempt (a sender may hold it right now, and
     * must stay the only one) but gets a fresh retry period.
     */
    private void requeue(Criteria which) {
        Instant now = clock.instant();
        mongo.updateMulti(Query.query(new Criteria().andOperator(which, Criteria.where("status").ne(WebhookDelivery.Status.PENDING))),
                new Update().set("status", WebhookDelivery.Status.PENDING).set("queuedAt", now).set("nextAttemptAt", now)
                        .set("tries", 0).unset("finishedAt"), WebhookDelivery.class);
        mongo.updateMulti(Query.query(new Criteria().andOperator(which, Criteria.where("status").is(WebhookDelivery.Status.PENDING))),
                new Update().set("queuedAt", now).set("tries", 0), WebhookDelivery.class);
    }

    void forgetEndpoint(String endpointId) {
        mongo.remove(Query.query(Criteria.where("endpointId").is(endpointId)), WebhookDelivery.class);
    }

    /** Events past the replay window, and finished deliveries past {@code keep-deliveries-for}. */
    void purge() {
        Instant now = clock.instant();
        mongo.remove(Query.query(Criteria.where("storedAt").lt(now.minus(properties.keepEventsFor()))), PublishedEvent.class);
        mongo.remove(Query.query(Criteria.where("status").ne(WebhookDelivery.Status.PENDING)
                .and("finishedAt").lt(now.minus(properties.keepDeliveriesFor()))), WebhookDelivery.class);
    }
}
