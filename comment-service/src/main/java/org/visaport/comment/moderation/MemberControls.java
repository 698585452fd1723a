package org.visaport.comment.moderation;

import java.time.Instant;

/**
 * What moderators decided about one member's commenting: always pre-moderate them, or suspend their right to comment
 * until a time. The reasons are moderators' notes, never shown to anyone else.
 */
public record MemberControls(boolean alwaysPreModerate, String watchReason, Instant suspendedUntil, String suspensionReason) {

    static final MemberControls NONE = new MemberControls(false, null, null, null);

    public boolean suspendedAt(Instant now) {
        return suspendedUntil != null && now.isBefore(suspendedUntil);
    }
}
