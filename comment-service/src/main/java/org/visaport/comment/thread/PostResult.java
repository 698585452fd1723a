package org.visaport.comment.thread;

/** The answer to a new comment: whether it shows now, and if not, why (in {@code comment.reasons}). */
public record PostResult(boolean visible, OwnComment comment) {
}
