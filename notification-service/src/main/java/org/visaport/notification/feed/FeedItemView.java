package org.visaport.notification.feed;

import java.time.Instant;

/** A feed item as the member sees it. */
public record FeedItemView(String id, FeedItem.Kind kind, String title, String summary, FeedItem.Link link,
                           Instant createdAt, boolean read, boolean archived) {

    static FeedItemView of(FeedItem item) {
        return new FeedItemView(item.id(), item.kind(), item.title(), item.summary(), item.link(), item.createdAt(),
                item.read(), item.archived());
    }
}
