package org.visaport.identity.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's membership: the application as submitted, the decisions' outcome, and the access Keycloak should
 * grant ({@code roles}, {@code enabled}). Keycloak is brought in line with the latter after every change; while that
 * has not succeeded {@code accessSyncPending} stays set and a job retries.
 *
 * @param id       application id (ours, created before the Keycloak user exists)
 * @param memberId the Keycloak user id, i.e. the {@code sub} of the member's tokens; null while provisioning
 */
@Document("memberships")
@CompoundIndex(name = "status_applied", def = "{'status': 1, 'appliedAt': 1, '_id': 1}")
public record Membership(
        @Id String id,
        @Indexed(sparse = true) String memberId,
        MembershipStatus status,
        @Indexed(unique = true) String email,
        String fullName,
        String displayName,
        String language,
        Credentials credentials,
        Consent consent,
        Set<String> roles,
        boolean enabled,
        long accessGeneration,
        boolean accessSyncPending,
        String statusReason,
        Instant appliedAt,
        Instant updatedAt,
        LocalDate postingReminderSentFor,
        List<OutboxEntry> outbox,
        boolean outboxPending,
        Instant relayLeaseUntil) {

    public static final Set<String> MANAGED_ROLES = Set.of("applicant", "member", "moderator", "editor");
}
