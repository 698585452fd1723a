package org.visaport.notification.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The article as webhooks carry it: what the public sees of it (its teaser) and a link, never the text. Read from
 * news-service's payload with these fields only, so {@code body} and {@code bodyHtml} are not even read and a
 * members-only text cannot leak to a downstream system.
 *
 * @param visibility {@code MEMBERS_ONLY}: the text is for members, who follow {@code link}; {@code RETRACTED}: withdrawn
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ArticlePayload(String id, String slug, String title, String lede, List<String> tags, List<String> regions,
                      List<String> countries, String language, String status, String visibility,
                      Boolean commentsEnabled, long version, Instant publishedAt, Instant updatedAt,
                      List<Correction> corrections, Retraction retraction, String link) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Correction(String note, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Retraction(String reason, Instant at) {
    }

    ArticlePayload {
        tags = tags == null ? List.of() : tags;
        regions = regions == null ? List.of() : regions;
        countries = countries == null ? List.of() : countries;
        corrections = corrections == null ? List.of() : corrections;
    }

    /** With what news-service's payload does not say: the visibility and the link to the article's page. */
    ArticlePayload withLink(String link) {
        String visible = "RETRACTED".equals(status) ? "RETRACTED" : "MEMBERS_ONLY";
        return new ArticlePayload(id, slug, title, lede, tags, regions, countries, language, status, visible,
                commentsEnabled, version, publishedAt, updatedAt, corrections, retraction, link);
    }

    /** The body every delivery of the event posts. */
    record Body(String type, Instant timestamp, ArticlePayload data) {
    }
}
