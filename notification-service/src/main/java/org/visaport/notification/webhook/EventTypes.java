package org.visaport.notification.webhook;

import java.util.List;

/** The events endpoints can subscribe to: news-service's article events (docs/asyncapi.yaml). */
final class EventTypes {

    static final List<String> ALL = List.of("article.published", "article.updated", "article.corrected",
            "article.retracted", "article.comments-toggled");

    private EventTypes() {
    }
}
