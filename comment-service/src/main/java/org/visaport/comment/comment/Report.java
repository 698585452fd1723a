package org.visaport.comment.comment;

import java.time.Instant;

/** One member's report of a comment; the note is for moderators only. */
public record Report(String memberId, ReportReason reason, String note, Instant at) {
}
