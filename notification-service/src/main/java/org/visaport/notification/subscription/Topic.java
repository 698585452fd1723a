package org.visaport.notification.subscription;

import java.util.List;

/**
 * The kinds of notice a member subscribes to one by one, each with its own {@link Delivery}; account notices are
 * mandatory and not among them. {@link #DAILY_DIGEST} is no kind of notice but the digest mail, which gathers
 * several: its unsubscribe link stops e-mail for every topic the member gets as a digest.
 */
public enum Topic {
    ARTICLES("articles", "new and corrected briefings on the topics you follow"),
    REPLIES("repliesToMyComments", "replies to your comments"),
    COMMENT_DECISIONS("commentDecisions", "moderators' decisions on your comments"),
    COMMENTS_WAITING("commentsWaiting", "comments waiting for moderation"),
    NEW_APPLICATIONS("newApplications", "new membership applications"),
    DAILY_DIGEST(null, "the daily digest");

    /** The topics a member chooses a delivery for. */
    public static final List<Topic> CHOSEN = List.of(ARTICLES, REPLIES, COMMENT_DECISIONS, COMMENTS_WAITING, NEW_APPLICATIONS);

    private final String field;
    private final String description;

    Topic(String field, String description) {
        this.field = field;
        this.description = description;
    }

    /** The subscription's field holding this topic's delivery. */
    String field() {
        return field;
    }

    /** Whether only moderators (and admins) may have it. */
    public boolean forModerators() {
        return this == COMMENTS_WAITING || this == NEW_APPLICATIONS;
    }

    /** What the topic is, for a sentence such as "You will no longer get e-mail about …". */
    public String description() {
        return description;
    }
}
