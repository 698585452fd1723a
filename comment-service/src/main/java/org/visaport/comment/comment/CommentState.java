package org.visaport.comment.comment;

/** Where a comment stands. Only VISIBLE comments are shown with their text; the others keep a thread's shape. */
public enum CommentState {
    /** Waiting for a moderator: held by a rule or policy, or sent back by readers' reports. */
    PENDING,
    VISIBLE,
    REJECTED,
    /** Taken down by its author or a moderator. */
    DELETED
}
