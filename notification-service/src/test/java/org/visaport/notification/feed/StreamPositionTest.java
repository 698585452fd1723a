package org.visaport.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.visaport.platform.paging.KeysetPosition;

class StreamPositionTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private static final long SETTLE_MS = 1000;

    private final List<FeedItem> stored = new ArrayList<>();

    @Test
    void aNewItemGoesOutAtOnceWithoutWaitingToSettle() {
        StreamPosition position = StreamPosition.at(StreamPosition.Snapshot.at(new KeysetPosition(START, "")));
        store("a", 10);

        assertThat(sentIds(look(position, 20))).containsExactly("a");
        assertThat(look(position, 30)).isEmpty();
    }

    @Test
    void anItemThatLandsLateWithAnEarlierStampStillGoesOutOnce() {
        StreamPosition position = StreamPosition.at(StreamPosition.Snapshot.at(new KeysetPosition(START, "")));
        store("later", 50);
        assertThat(sentIds(look(position, 60))).containsExactly("later");

        store("stamped-earlier", 40);

        assertThat(sentIds(look(position, 70))).containsExactly("stamped-earlier");
        assertThat(look(position, 70 + SETTLE_MS)).isEmpty();
    }

    @Test
    void oncePastTheSettleTimeTheWatermarkMovesOnAndForgetsWhatWasSent() {
        StreamPosition position = StreamPosition.at(StreamPosition.Snapshot.at(new KeysetPosition(START, "")));
        store("a", 10);
        store("b", 20);
        look(position, 30);

        assertThat(look(position, 30 + SETTLE_MS)).isEmpty();

        assertThat(position.snapshot().sent()).isEmpty();
        assertThat(position.watermark()).isEqualTo(new KeysetPosition(START.plusMillis(30), ""));
    }

    @Test
    void aStreamResumedFromAnEventIdSendsWhatCameAfterAndNothingItSentBefore() {
        StreamPosition first = StreamPosition.at(StreamPosition.Snapshot.at(new KeysetPosition(START, "")));
        store("seen", 50);
        List<StreamPosition.Step> steps = look(first, 60);
        StreamPosition.Snapshot lastEventId = steps.getLast().after();

        store("landed-late", 40);
        store("missed", 70);

        StreamPosition resumed = StreamPosition.at(lastEventId);
        assertThat(sentIds(look(resumed, 80))).containsExactly("landed-late", "missed");
    }

    @Test
    void aBurstGoesOutAtOnceUpToABoundSoTheEventIdStaysSmallAndTheRestOnceTheFirstSettle() {
        StreamPosition position = StreamPosition.at(StreamPosition.Snapshot.at(new KeysetPosition(START, "")));
        int bound = StreamPosition.MAX_UNSETTLED;
        IntStream.range(0, bound + 3).forEach(i -> store("burst-" + (100 + i), 10 + i));

        List<StreamPosition.Step> atOnce = look(position, 50);

        assertThat(atOnce).hasSize(bound);
        assertThat(atOnce).allSatisfy(step -> assertThat(step.after().sent()).hasSizeLessThanOrEqualTo(bound));
        assertThat(sentIds(look(position, 50 + SETTLE_MS)))
                .containsExactly("burst-" + (100 + bound), "burst-" + (101 + bound), "burst-" + (102 + bound));
    }

    @Test
    void anItemArchivedAfterItWentOutDoesNotHoldThePositionBack() {
        StreamPosition position = StreamPosition.at(StreamPosition.Snapshot.at(new KeysetPosition(START, "")));
        store("archived-soon", 10);
        look(position, 20);
        stored.removeIf(item -> item.id().equals("archived-soon"));

        look(position, 20 + SETTLE_MS);

        assertThat(position.snapshot().sent()).isEmpty();
    }

    private FeedItem store(String id, long stampedAtMs) {
        FeedItem item = FeedItem.unread(id, "member", FeedItem.Kind.COMMENT_APPROVED, "t", "s", null,
                START.plusMillis(stampedAtMs), START.plusMillis(stampedAtMs));
        stored.add(item);
        return item;
    }

    /** What the database answers a stream's look at {@code nowMs}: every stored item after the watermark, in storage order. */
    private List<StreamPosition.Step> look(StreamPosition position, long nowMs) {
        KeysetPosition after = position.watermark();
        List<FeedItem> read = stored.stream()
                .filter(item -> item.storedAt().isAfter(after.at())
                        || item.storedAt().equals(after.at()) && item.id().compareTo(after.id()) > 0)
                .sorted(java.util.Comparator.comparing(FeedItem::storedAt).thenComparing(FeedItem::id))
                .toList();
        return position.take(read, true, START.plusMillis(nowMs - SETTLE_MS));
    }

    private static List<String> sentIds(List<StreamPosition.Step> steps) {
        return steps.stream().map(step -> step.item().id()).toList();
    }
}
