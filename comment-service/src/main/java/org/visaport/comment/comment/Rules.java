package org.visaport.comment.comment;

/** The stable names of the rules that refuse or hold a comment, as moderators and authors see them. */
public final class Rules {

    public static final String BANNED_WORD = "banned-word";
    public static final String SUSPECT_WORD = "suspect-word";
    public static final String LINK_LIMIT = "link-limit";
    public static final String DUPLICATE = "duplicate";
    public static final String PRE_MODERATION = "pre-moderation";
    public static final String SCHEDULED_PRE_MODERATION = "scheduled-pre-moderation";
    public static final String NEW_MEMBER = "new-member";
    public static final String WATCHED_MEMBER = "watched-member";
    public static final String REPORTS = "reports";
    public static final String EDITED_WHILE_PENDING = "edited-while-pending";

    private Rules() {
    }
}
