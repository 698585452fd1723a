package org.visaport.notification.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Where mails point readers: pages of the web client behind the gateway ({@code visaport.notifications.web-base-uri}). */
@Component
public class Links {

    private final String site;

    Links(@Value("${visaport.notifications.web-base-uri}") String site) {
        this.site = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
    }

    public String site() {
        return site;
    }

    /** An article's page; with no slug known, the page that finds it by id. */
    public String article(String articleId, String slug) {
        return slug != null ? UriComponentsBuilder.fromUriString(site).pathSegment("articles", slug).toUriString()
                : UriComponentsBuilder.fromUriString(site).pathSegment("articles").queryParam("id", articleId).toUriString();
    }

    /** The public unsubscribe link of a mail; the token says who and from what. */
    public String unsubscribe(String token) {
        return UriComponentsBuilder.fromUriString(site).path("/api/notifications/unsubscribe").queryParam("token", token)
                .toUriString();
    }

    /** The moderators' queue of comments waiting or reported. */
    public String moderationQueue() {
        return UriComponentsBuilder.fromUriString(site).path("/admin/comments").toUriString();
    }

    /** The moderators' page of one application. */
    public String application(String applicantId) {
        return UriComponentsBuilder.fromUriString(site).pathSegment("admin", "applications", applicantId).toUriString();
    }

    public String comment(String articleId, String slug, String commentId) {
        return article(articleId, slug) + "#comment-" + commentId;
    }
}
