package org.visaport.comment.comment;

/** The comment events on visaport.comment.events; a breaking payload change gets a new schema version. */
public enum CommentEventType {
    POSTED("comment.posted"),
    EDITED("comment.edited"),
    APPROVED("comment.approved"),
    REJECTED("comment.rejected"),
    DELETED("comment.deleted"),
    RESTORED("comment.restored"),
    REPORTED("comment.reported"),
    FEATURED("comment.featured"),
    UNFEATURED("comment.unfeatured");

    static final int SCHEMA_VERSION = 1;

    private final String type;

    CommentEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
