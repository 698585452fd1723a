package org.visaport.identity.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Payloads of {@code visaport.member.events}: member ids, display names and roles only, never e-mail addresses,
 * accreditation numbers or the reasons moderators give (those go to the private notifications topic).
 */
public final class MemberEvents {

    private MemberEvents() {
    }

    public record Applied(String memberId, String countryCode, Instant appliedAt) {
    }

    public record Approved(String memberId, String displayName, List<String> roles, Instant approvedAt) {
    }

    public record Rejected(String memberId, Instant rejectedAt) {
    }

    public record InformationRequested(String memberId, Instant requestedAt) {
    }

    public record Suspended(String memberId, Instant suspendedAt) {
    }

    /** {@code cause} is DECISION (a moderator reinstated) or POSTING_RENEWED (a lapsed member confirmed a posting). */
    public record Reinstated(String memberId, String displayName, List<String> roles, String cause, Instant reinstatedAt) {
    }

    public record RoleChanged(String memberId, String role, String change, List<String> roles, Instant changedAt) {
    }

    public record Lapsed(String memberId, LocalDate postingEndedOn, Instant lapsedAt) {
    }

    public record ProfileUpdated(String memberId, String displayName, Instant updatedAt) {
    }

    public record Deleted(String memberId, Instant deletedAt) {
    }

    /**
     * The only payload with contact details, on {@code visaport.member.notifications}, which only notification-service
     * reads. {@code memberId} is null when an application was refused before a member existed.
     */
    public record NotificationRequested(String memberId, String email, String fullName, String language, String template,
                                        String message, LocalDate postingEndsOn) {
    }
}
