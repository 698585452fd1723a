package org.visaport.notification.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How live streams ({@code GET /api/notifications/stream}) follow the feed.
 *
 * @param pollInterval how often a stream reads the member's new items from the database when nothing woke it earlier:
 *                     the delay for items stored by another instance
 * @param batch        items read per look, so one look stays a bounded query
 * @param settle       how long after its stamp an item is surely stored: items are stamped before they are stored, so
 *                     an insert still under way may carry an earlier stamp than one already visible; a stream keeps
 *                     looking this far back (see {@link StreamPosition}), though it sends new items at once
 * @param heartbeat    how often a quiet stream sends a comment line, so proxies keep the connection open and clients
 *                     notice a dead one
 * @param replayWindow how far back a {@code Last-Event-ID} may point; an older one gets a {@code reset} event
 * @param maxDuration  a stream ends after this and the client reconnects with its {@code Last-Event-ID}: connections
 *                     spread over instances again, and the token is checked again
 * @param perMember    streams one member may hold open (a few tabs and devices)
 * @param total        streams one instance holds open at most
 */
@ConfigurationProperties("visaport.notifications.stream")
public record StreamProperties(Duration pollInterval, int batch, Duration settle, Duration heartbeat,
                               Duration replayWindow, Duration maxDuration, int perMember, int total) {
}
