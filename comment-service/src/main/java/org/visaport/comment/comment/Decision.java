package org.visaport.comment.comment;

import java.time.Instant;

/** A moderator's last decision on a comment; the reason of a rejection is shown to the author, nobody else. */
public record Decision(String action, String moderatorId, String reason, Instant at) {
}
