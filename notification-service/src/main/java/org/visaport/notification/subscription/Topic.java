package org.visaport.notification.subscription;

/**
 * The kinds of notice a member subscribes to one by one, each with its own {@link Delivery}; account notices are
 * mandatory and not among them.
 */
public enum Topic {
    ARTICLES("articles", "new and corrected briefings on the topics you follow"),
    REPLIES("repliesToMyComments", "replies to your comments"),
    COMMENT_DECISIONS("commentDecisions", "moderators' decisions on your comments");

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

    /** What the topic is, for a sentence such as "You will no longer get e-mail about …". */
    public String description() {
        return description;
    }
}
