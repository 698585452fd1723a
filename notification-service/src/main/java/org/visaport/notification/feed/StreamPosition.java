package org.visaport.notification.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visaport.platform.paging.KeysetPosition;

/**
 * Where a live stream stands in its member's feed, in storage order (time stored, then id).
 * <p>
 * Items are stamped before they are stored, so an insert still under way may carry an earlier stamp than an item
 * already visible. A stream that moved a plain position past the visible item would never send the late one. So the
 * position has two parts: a {@linkplain #watermark() watermark} at or before which every item has been sent, kept at
 * least {@code settle} behind the present, and the few items after it that went out at once, before they settled.
 * The next look reads everything after the watermark and skips what was sent, so a late item still goes out, and a
 * new item need not wait for the settle time. At most {@link #MAX_UNSETTLED} items go out before they settle; more
 * wait for it, which bounds the event ids that carry the position.
 */
final class StreamPosition {

    /**
     * A burst this size within the settle time goes out at once: briefings whose embargo lifts together, a busy
     * thread's replies. Each item adds about 60 characters to the event id (2 KB at most, well within a header).
     */
    static final int MAX_UNSETTLED = 32;

    private static final Comparator<Snapshot.Sent> STORAGE_ORDER =
            Comparator.comparing(Snapshot.Sent::storedAt).thenComparing(Snapshot.Sent::id);

    private KeysetPosition watermark;
    private final Map<String, Instant> sentAfterWatermark = new LinkedHashMap<>();

    private StreamPosition(KeysetPosition watermark) {
        this.watermark = watermark;
    }

    static StreamPosition at(Snapshot snapshot) {
        StreamPosition position = new StreamPosition(snapshot.watermark());
        snapshot.sent().forEach(sent -> position.sentAfterWatermark.put(sent.id(), sent.storedAt()));
        return position;
    }

    KeysetPosition watermark() {
        return watermark;
    }

    /**
     * One look: {@code read} holds the member's items after the watermark, oldest first ({@code readAll} when nothing
     * more is stored after them). Returns what to send now, in order, each with the position to resume from once the
     * client has it; the position moves on as if all of them were sent.
     */
    List<Step> take(List<FeedItem> read, boolean readAll, Instant settledBy) {
        List<Step> steps = new ArrayList<>();
        for (FeedItem item : read) {
            boolean settled = !item.storedAt().isAfter(settledBy);
            boolean sent = sentAfterWatermark.containsKey(item.id());
            if (!sent && !settled && sentAfterWatermark.size() >= MAX_UNSETTLED) {
                break;
            }
            if (settled) {
                // Everything before it in storage order has been read and sent, and nothing can land before it any more.
                watermark = new KeysetPosition(item.storedAt(), item.id());
                sentAfterWatermark.remove(item.id());
            } else if (!sent) {
                sentAfterWatermark.put(item.id(), item.storedAt());
            }
            if (!sent) {
                steps.add(new Step(item, snapshot()));
            }
        }
        // Read in storage order, the settled items come first: with nothing more stored, all of them have been handled.
        if (readAll && watermark.at().isBefore(settledBy)) {
            watermark = new KeysetPosition(settledBy, "");
            // Items sent early that left the feed since (archived) are not read again: they are behind the watermark now.
            sentAfterWatermark.values().removeIf(storedAt -> !storedAt.isAfter(settledBy));
        }
        return steps;
    }

    Snapshot snapshot() {
        List<Snapshot.Sent> sent = sentAfterWatermark.entrySet().stream()
                .map(entry -> new Snapshot.Sent(entry.getKey(), entry.getValue())).sorted(STORAGE_ORDER).toList();
        return new Snapshot(watermark, sent);
    }

    /** An item to send and the position the stream stands at once it is sent. */
    record Step(FeedItem item, Snapshot after) {
    }

    /** A position as it travels in an event id: the watermark and the items sent after it. */
    record Snapshot(KeysetPosition watermark, List<Sent> sent) {

        Snapshot {
            sent = List.copyOf(sent);
        }

        static Snapshot at(KeysetPosition watermark) {
            return new Snapshot(watermark, List.of());
        }

        record Sent(String id, Instant storedAt) {
        }
    }
}
