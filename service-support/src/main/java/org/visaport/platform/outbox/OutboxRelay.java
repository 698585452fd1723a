package org.visaport.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events an aggregate keeps in its outbox, oldest first, keyed so each aggregate's events stay in order
 * on one partition. An event leaves the outbox only after Kafka acknowledged it; a crash between the acknowledgement
 * and the removal re-sends it, which consumers absorb by event id. Per aggregate, one instance at a time relays
 * (a lease in {@code outbox_leases}), so two instances never interleave one aggregate's events.
 *
 * <p>A service calls {@link #dispatch} right after the write that recorded events returns; they then leave at once,
 * in the background. {@link #poll} is the safety net for what a crash, a Kafka outage or a held lease left behind.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxDefinition outbox;
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxLeases leases;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ExecutorService dispatcher;
    private final MeterRegistry meters;
    private final Counter failures;
    private final AtomicLong waitingEvents = new AtomicLong();
    private final AtomicLong waitingAggregates = new AtomicLong();
    private final AtomicLong oldestWaitingSince = new AtomicLong(-1);

    OutboxRelay(OutboxDefinition outbox, MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                Clock clock, MeterRegistry meters, ExecutorService dispatcher) {
        this.outbox = outbox;
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.dispatcher = dispatcher;
        this.leases = new OutboxLeases(mongo, clock, properties.lease());
        this.failures = Counter.builder("visaport.outbox.send.failures").tag("outbox", outbox.name())
                .description("Sends Kafka did not acknowledge; the events stay and are retried").register(meters);
        Gauge.builder("visaport.outbox.waiting.events", waitingEvents, AtomicLong::get).tag("outbox", outbox.name())
                .description("Events waiting in outboxes, as of the last poll").register(meters);
        Gauge.builder("visaport.outbox.waiting.aggregates", waitingAggregates, AtomicLong::get).tag("outbox", outbox.name())
                .description("Aggregates with waiting events, as of the last poll").register(meters);
        Gauge.builder("visaport.outbox.oldest.age", oldestWaitingSince, this::oldestAgeSeconds).tag("outbox", outbox.name())
                .baseUnit("seconds").description("Age of the oldest waiting event; grows while the outbox is stuck")
                .register(meters);
        // Sparse: only documents that have waiting events are in it, which is exactly what the poll asks for.
        mongo.indexOps(outbox.collection()).createIndex(new Index().on(outbox.idPath(), Sort.Direction.ASC).sparse()
                .named(outbox.field() + "_waiting"));
    }

    /** Relays the aggregate's waiting events in the background, right away. */
    public void dispatch(String aggregateId) {
        try {
            dispatcher.execute(() -> relay(aggregateId));
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Outbox {} is shutting down; the poll sends the events of {} later", outbox.name(), aggregateId);
        }
    }

    /**
     * One round of the safety net: relays every aggregate with waiting events. It stops while Kafka is unreachable (the
     * next aggregate would only wait for the same timeout); an aggregate whose own event fails does not hold up others.
     */
    public void poll() {
        Query waiting = Query.query(Criteria.where(outbox.idPath()).exists(true)).limit(properties.batch());
        waiting.fields().include(outbox.field());
        List<Document> found = mongo.find(waiting, Document.class, outbox.collection());
        measure(found);
        log.debug("Outbox {}: {} aggregates with waiting events", outbox.name(), found.size());
        for (Document aggregate : found) {
            if (relay(aggregate.get("_id").toString()) == Outcome.KAFKA_UNAVAILABLE) {
                return;
            }
        }
    }

    enum Outcome {
        SENT,
        /** Another thread or instance holds the aggregate's lease. */
        BUSY,
        /** The lease is half used up: the rest waits for the next turn, so a lease never lapses while sending. */
        PAUSED,
        /** This aggregate's event failed (refused by Kafka, or its local step failed); it stays, others go on. */
        EVENT_FAILED,
        /** Kafka cannot be reached at all. */
        KAFKA_UNAVAILABLE
    }

    /** Sends the aggregate's events in order while holding its lease; until the outbox is empty or a send fails. */
    Outcome relay(String aggregateId) {
        String leaseKey = outbox.name() + ":" + aggregateId;
        Outcome outcome = Outcome.SENT;
        // A write can land while we hold the lease and its own dispatch then finds the lease busy: look again after
        // releasing, so such events do not wait for the poll.
        for (int round = 0; round < 3 && outcome == Outcome.SENT; round++) {
            if (!leases.claim(leaseKey)) {
                return Outcome.BUSY;
            }
            try {
                outcome = drain(aggregateId, clock.instant().plus(properties.lease().dividedBy(2)));
            } finally {
                leases.release(leaseKey);
            }
            if (outcome == Outcome.SENT && waiting(aggregateId).isEmpty()) {
                break;
            }
        }
        return outcome;
    }

    private Outcome drain(String aggregateId, Instant pauseAt) {
        List<OutboxEvent> events = waiting(aggregateId);
        // Bounded: an aggregate written to faster than it drains is finished by the next dispatch or poll.
        for (int batch = 0; batch < 10 && !events.isEmpty(); batch++) {
            List<String> done = new ArrayList<>();
            Outcome outcome = Outcome.SENT;
            for (OutboxEvent event : events) {
                if (clock.instant().isAfter(pauseAt)) {
                    outcome = Outcome.PAUSED;
                    break;
                }
                outcome = deliver(aggregateId, event);
                if (outcome != Outcome.SENT) {
                    break;
                }
                done.add(event.eventId());
            }
            remove(aggregateId, done);
            if (outcome != Outcome.SENT) {
                return outcome;
            }
            events = waiting(aggregateId);
        }
        return Outcome.SENT;
    }

    private Outcome deliver(String aggregateId, OutboxEvent event) {
        if (event.isLocal()) {
            try {
                outbox.localStep().accept(event);
                return Outcome.SENT;
            } catch (RuntimeException e) {
                log.warn("Local step {} of {} {} failed; it stays in the outbox: {}", event.eventId(), outbox.name(),
                        aggregateId, e.toString());
                failures.increment();
                return Outcome.EVENT_FAILED;
            }
        }
        try {
            kafka.send(event.topic(), event.key(), event.payload()).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException
                 | org.apache.kafka.common.KafkaException e) {
            // A send that cannot even get the broker's metadata throws at once instead of failing the future.
            log.warn("Kafka did not take event {} of {} {}; it stays in the outbox: {}", event.eventId(), outbox.name(),
                    aggregateId, e.toString());
            failures.increment();
            return brokerUnreachable(e) ? Outcome.KAFKA_UNAVAILABLE : Outcome.EVENT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.KAFKA_UNAVAILABLE;
        }
        meters.counter("visaport.outbox.sent", "outbox", outbox.name(), "type", event.type()).increment();
        return Outcome.SENT;
    }

    /** Timeouts and retriable errors mean the broker is away; anything else (e.g. a record too large) is this event's. */
    private static boolean brokerUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }

    private void remove(String aggregateId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        // By collection name, not entity class: an entity update would raise a versioned aggregate's version and turn
        // the next edit of someone who read it a moment ago into a conflict.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().pull(outbox.field(), new Document("eventId", new Document("$in", eventIds))), outbox.collection());
        outbox.afterRelay().accept(aggregateId);
    }

    private List<OutboxEvent> waiting(String aggregateId) {
        Query query = Query.query(Criteria.where("_id").is(aggregateId));
        query.fields().include(outbox.field());
        Document aggregate = mongo.findOne(query, Document.class, outbox.collection());
        return aggregate == null ? List.of() : entries(aggregate);
    }

    private List<OutboxEvent> entries(Document aggregate) {
        List<Document> raw = aggregate.getList(outbox.field(), Document.class, List.of());
        return raw.stream().map(OutboxRelay::event).toList();
    }

    private static OutboxEvent event(Document d) {
        Date recordedAt = d.getDate("recordedAt");
        return new OutboxEvent(d.getString("eventId"), d.getString("topic"), d.getString("key"), d.getString("type"),
                d.getString("payload"), recordedAt == null ? null : recordedAt.toInstant());
    }

    private void measure(List<Document> found) {
        long events = 0;
        Instant oldest = null;
        for (Document aggregate : found) {
            for (OutboxEvent event : entries(aggregate)) {
                events++;
                if (event.recordedAt() != null && (oldest == null || event.recordedAt().isBefore(oldest))) {
                    oldest = event.recordedAt();
                }
            }
        }
        waitingEvents.set(events);
        waitingAggregates.set(found.size() < properties.batch() ? found.size()
                : mongo.count(Query.query(Criteria.where(outbox.idPath()).exists(true)), outbox.collection()));
        oldestWaitingSince.set(oldest == null ? -1 : oldest.toEpochMilli());
    }

    private double oldestAgeSeconds(AtomicLong since) {
        long at = since.get();
        return at < 0 ? 0 : Duration.between(Instant.ofEpochMilli(at), clock.instant()).toMillis() / 1000.0;
    }

    @Override
    public void close() {
        dispatcher.shutdown();
    }
}
