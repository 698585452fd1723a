package org.visaport.notification.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.problem.Problems;

/**
 * Live streams of members' feeds as Server-Sent Events. Each stream reads its member's feed from the database on its
 * own virtual thread, so any instance serves any member: it looks when this instance stores an item for the member
 * ({@link FeedSignals}) and every poll interval for items stored elsewhere. An event's id is the stream's
 * {@link StreamPosition} in storage order ({@link StreamEventIds}), so a client resuming
 * with {@code Last-Event-ID} gets exactly what it missed, and an id from another member, forged, or older than the
 * replay window gets an explicit {@code reset}.
 */
@Service
class FeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final Feed feed;
    private final FeedSignals signals;
    private final StreamEventIds eventIds;
    private final Clock clock;
    private final StreamProperties properties;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perMember = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private volatile boolean running;

    FeedStreams(Feed feed, FeedSignals signals, Cursors cursors, Clock clock, StreamProperties properties,
                MeterRegistry registry) {
        this.feed = feed;
        this.signals = signals;
        this.eventIds = new StreamEventIds(cursors);
        this.clock = clock;
        this.properties = properties;
        Gauge.builder("visaport.notifications.streams", total, AtomicInteger::get)
                .description("Live notification streams open on this instance").register(registry);
    }

    /** Opens a stream for the member, resuming after {@code lastEventId} if it can. */
    SseEmitter open(String memberId, String lastEventId) {
        if (!running) {
            throw Problems.unavailable("The service is shutting down; reconnect.", Duration.ofSeconds(1));
        }
        reserve(memberId);
        SseEmitter emitter = new SseEmitter(properties.maxDuration().plusMinutes(1).toMillis());
        Stream stream = new Stream(memberId, emitter);
        emitter.onCompletion(stream::release);
        emitter.onTimeout(stream::release);
        emitter.onError(error -> stream.release());
        open.add(stream);
        try {
            stream.start(lastEventId);
        } catch (RuntimeException e) {
            stream.release();
            throw e;
        }
        return emitter;
    }

    private void reserve(String memberId) {
        if (total.incrementAndGet() > properties.total()) {
            total.decrementAndGet();
            throw Problems.unavailable("This instance serves as many streams as it can; try again shortly.",
                    Duration.ofSeconds(5));
        }
        AtomicBoolean refused = new AtomicBoolean();
        perMember.compute(memberId, (id, count) -> {
            int held = count == null ? 0 : count;
            refused.set(held >= properties.perMember());
            return refused.get() ? count : held + 1;
        });
        if (refused.get()) {
            total.decrementAndGet();
            throw new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-streams", "Too many streams", "You have " + properties.perMember()
                            + " notification streams open already; close one before opening another."), null);
        }
    }

    /** One member's stream: where it stands in their feed, and the thread that moves it on. */
    private final class Stream {

        private final String memberId;
        private final SseEmitter emitter;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile Thread thread;

        Stream(String memberId, SseEmitter emitter) {
            this.memberId = memberId;
            this.emitter = emitter;
        }

        void start(String lastEventId) {
            thread = Thread.ofVirtual().name("feed-stream").start(() -> run(lastEventId));
        }

        private void run(String lastEventId) {
            Semaphore wake = new Semaphore(0);
            Runnable unlisten = signals.listen(memberId, wake);
            try {
                StreamPosition position = startAt(lastEventId);
                Instant now = clock.instant();
                Instant ends = now.plus(properties.maxDuration());
                Instant nextHeartbeat = now.plus(properties.heartbeat());
                while (running && !released.get()) {
                    now = clock.instant();
                    List<FeedItem> read = feed.storedAfter(memberId, position.watermark(), properties.batch());
                    boolean readAll = read.size() <= properties.batch();
                    for (StreamPosition.Step step : position.take(read, readAll, now.minus(properties.settle()))) {
                        emitter.send(SseEmitter.event().name("notification").id(eventId(step.after()))
                                .data(FeedItemView.of(step.item()), MediaType.APPLICATION_JSON));
                    }
                    if (!readAll) {
                        continue;
                    }
                    if (!now.isBefore(nextHeartbeat)) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        nextHeartbeat = now.plus(properties.heartbeat());
                    }
                    if (!now.isBefore(ends)) {
                        break;
                    }
                    // Woken at once when this instance stores an item for the member; items stored elsewhere, and
                    // those held back until they settle, are found at the next look.
                    if (wake.tryAcquire(properties.pollInterval().toNanos(), TimeUnit.NANOSECONDS)) {
                        wake.drainPermits();
                    }
                }
                endQuietly();
            } catch (IOException | IllegalStateException gone) {
                // The client went away (or the container timed the request out): nothing to tell anyone.
                endQuietly();
            } catch (InterruptedException shuttingDown) {
                endQuietly();
            } catch (RuntimeException e) {
                log.warn("Notification stream of member {} failed: {}", memberId, e.toString());
                emitter.completeWithError(e);
            } finally {
                unlisten.run();
                release();
            }
        }

        /**
         * Ends the response unless the container has ended it already: once the client's disconnect is noticed, the
         * request's async context is gone and completing it again throws.
         */
        private void endQuietly() {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyEnded) {
                log.debug("Stream of member {} had ended already", memberId);
            }
        }

        /**
         * Where to go on from, telling the client first: {@code ready} when the stream follows on from its last event
         * (or starts now), {@code reset} when it cannot, so the client re-reads the feed and the unread count.
         */
        private StreamPosition startAt(String lastEventId) throws IOException {
            Instant now = clock.instant();
            StreamPosition.Snapshot fresh = StreamPosition.Snapshot.at(new KeysetPosition(now.minus(properties.settle()), ""));
            if (lastEventId == null || lastEventId.isBlank()) {
                return announce("ready", fresh);
            }
            Optional<StreamPosition.Snapshot> resumed = eventIds.position(memberId, lastEventId);
            if (resumed.isEmpty() || resumed.get().watermark().at().isBefore(now.minus(properties.replayWindow()))) {
                return announce("reset", fresh);
            }
            return announce("ready", resumed.get());
        }

        private StreamPosition announce(String name, StreamPosition.Snapshot position) throws IOException {
            emitter.send(SseEmitter.event().name(name).id(eventId(position)).data("{}", MediaType.APPLICATION_JSON));
            return StreamPosition.at(position);
        }

        private String eventId(StreamPosition.Snapshot position) {
            return eventIds.of(memberId, position);
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.remove(this);
                total.decrementAndGet();
                perMember.computeIfPresent(memberId, (id, count) -> count == 1 ? null : count - 1);
            }
        }

        void stop() {
            Thread worker = thread;
            if (worker != null) {
                worker.interrupt();
            }
        }

        void awaitEnd(Duration patience) throws InterruptedException {
            Thread worker = thread;
            if (worker != null) {
                worker.join(patience);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown waits for requests: clients reconnect elsewhere. */
    @Override
    public void stop() {
        running = false;
        List<Stream> streams = List.copyOf(open);
        streams.forEach(Stream::stop);
        try {
            for (Stream stream : streams) {
                stream.awaitEnd(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
