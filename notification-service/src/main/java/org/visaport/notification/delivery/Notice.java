package org.visaport.notification.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.visaport.notification.feed.FeedItem;

/**
 * Something to tell members, the same for each of them: as a feed item and, for those who chose e-mail, as a mail in
 * their language.
 *
 * @param key      what it is about, once: an event id, or a reply's comment id (a reply approved again is no new
 *                 news); feed item and mail ids derive from it and the member
 * @param template the mail's texts in {@code mail/wording_*.properties}: {@code <template>.subject} and {@code .body}
 * @param values   the values of the texts' placeholders, as plain text; a null value leaves its paragraph out
 * @param linkLabel the text key of the link's label
 * @param url      where the link points
 */
public record Notice(String key, FeedItem.Kind kind, String title, String summary, FeedItem.Link link, Instant at,
                     String template, Map<String, String> values, String linkLabel, String url) {

    /**
     * The briefing whose access decides whether the notice may still go out later (in a digest); null when none does.
     * A retraction notice is about a briefing no longer readable, and must reach its readers all the same.
     */
    public String articleToCheck() {
        return kind == FeedItem.Kind.ARTICLE_RETRACTED ? null : link.articleId();
    }

    public Notice {
        values = values.entrySet().stream().filter(value -> value.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
