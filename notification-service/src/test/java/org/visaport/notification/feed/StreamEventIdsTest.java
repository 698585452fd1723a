package org.visaport.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;

class StreamEventIdsTest {

    private static final Instant WATERMARK = Instant.parse("2026-11-26T09:00:00.250Z");

    private final Cursors cursors = new Cursors("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
    private final StreamEventIds eventIds = new StreamEventIds(cursors);

    @Test
    void aStreamResumesFromTheFullestPositionItIssues() {
        StreamPosition.Snapshot fullest = afterWatermark(StreamPosition.MAX_UNSETTLED);

        String eventId = eventIds.of("anna", fullest);

        assertThat(eventId.length()).isLessThanOrEqualTo(StreamEventIds.MAX_LENGTH);
        assertThat(eventIds.position("anna", eventId)).contains(fullest);
    }

    @Test
    void aPositionWithMoreSentItemsThanAStreamIssuesIsNotResumed() {
        String tooMany = eventIds.of("anna", afterWatermark(StreamPosition.MAX_UNSETTLED + 1));

        assertThat(eventIds.position("anna", tooMany)).isEmpty();
    }

    @Test
    void anotherMembersForgedOrOversizedIdIsNotResumed() {
        String borissId = eventIds.of("boris", afterWatermark(2));
        String payload = borissId.substring(0, borissId.indexOf('.'));

        for (String notAnnas : List.of(borissId, payload + ".AAAAAAAAAAAAAAAAAAAAAA", "forged.id", "x".repeat(5000),
                "x".repeat(StreamEventIds.MAX_LENGTH) + "." + "y")) {
            assertThat(eventIds.position("anna", notAnnas)).as(notAnnas).isEmpty();
        }
    }

    @Test
    void anIdOfTheKindIssuedBeforeItemsWentOutEarlyStillResumes() {
        KeysetPosition lastItem = new KeysetPosition(WATERMARK, FeedItem.idFor("event-1", "anna"));

        String olderKind = cursors.after("stream:anna", lastItem);

        assertThat(eventIds.position("anna", olderKind)).contains(StreamPosition.Snapshot.at(lastItem));
    }

    private static StreamPosition.Snapshot afterWatermark(int sentItems) {
        List<StreamPosition.Snapshot.Sent> sent = IntStream.range(0, sentItems)
                .mapToObj(i -> new StreamPosition.Snapshot.Sent(FeedItem.idFor("event-" + i, "anna"),
                        WATERMARK.plusMillis(100 + i)))
                .toList();
        return new StreamPosition.Snapshot(new KeysetPosition(WATERMARK, FeedItem.idFor("event-earlier", "anna")), sent);
    }
}
