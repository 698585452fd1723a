package org.visaport.notification.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;

/**
 * A live stream's position as the id of the event that leaves it there: the watermark, then the items sent after it,
 * signed with the kit's cursors for this member's stream, so a client can neither forge a position nor carry one over
 * to another member's stream.
 */
final class StreamEventIds {

    /**
     * Room for {@link StreamPosition#MAX_UNSETTLED} items sent after the watermark (a 32-character id and a time each),
     * with margin; a longer {@code Last-Event-ID} is none of ours and costs no hashing.
     */
    static final int MAX_LENGTH = 2600;

    private static final String SENT_AT = "@";
    private static final String SENT_SEPARATOR = ",";

    private final Cursors cursors;

    StreamEventIds(Cursors cursors) {
        this.cursors = cursors;
    }

    String of(String memberId, StreamPosition.Snapshot position) {
        String sent = position.sent().stream().map(item -> item.id() + SENT_AT + item.storedAt().toEpochMilli())
                .collect(Collectors.joining(SENT_SEPARATOR));
        return cursors.encode(scope(memberId), Long.toString(position.watermark().at().toEpochMilli()),
                position.watermark().id(), sent);
    }

    /**
     * Empty for an id this member's stream did not issue (forged, another member's, oversized). An id of the kind
     * streams issued before they sent items early (the position of the last item, nothing sent after it) still
     * resumes, so clients connected across an upgrade miss nothing.
     */
    Optional<StreamPosition.Snapshot> position(String memberId, String lastEventId) {
        try {
            KeysetPosition lastItem = cursors.afterPosition(scope(memberId), lastEventId);
            return Optional.of(StreamPosition.Snapshot.at(lastItem));
        } catch (ErrorResponseException notThatKind) {
            // The current kind, below.
        }
        try {
            List<String> values = cursors.decode(scope(memberId), lastEventId, 3, MAX_LENGTH);
            List<StreamPosition.Snapshot.Sent> sent = new ArrayList<>();
            if (!values.get(2).isEmpty()) {
                for (String item : values.get(2).split(SENT_SEPARATOR, -1)) {
                    int at = item.indexOf(SENT_AT);
                    sent.add(new StreamPosition.Snapshot.Sent(item.substring(0, at),
                            Instant.ofEpochMilli(Long.parseLong(item.substring(at + 1)))));
                }
            }
            if (sent.size() > StreamPosition.MAX_UNSETTLED) {
                return Optional.empty();
            }
            KeysetPosition watermark = new KeysetPosition(Instant.ofEpochMilli(Long.parseLong(values.get(0))), values.get(1));
            return Optional.of(new StreamPosition.Snapshot(watermark, sent));
        } catch (ErrorResponseException | IndexOutOfBoundsException | NumberFormatException | DateTimeException notOurs) {
            return Optional.empty();
        }
    }

    private static String scope(String memberId) {
        return "stream:" + memberId;
    }
}
