package org.visaport.identity.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.visaport.platform.outbox.OutboxEvent;

/**
 * One person's membership: the application as submitted, the decisions' outcome, and the access Keycloak should
 * grant ({@code roles}, {@code enabled}). Keycloak is brought in line with the latter after every change; while that
 * has not succeeded {@code accessSyncPending} stays set and a job retries.
 *
 * <p>The decision rules live here: each decision is a {@link Change} saying from which statuses it may start, where it
 * leads and which access follows; {@link MembershipChanges} applies it. Build instances with {@link #provisional} or
 * {@link #toBuilder()}, never by position.
 *
 * @param id       application id (ours, created before the Keycloak user exists)
 * @param memberId the Keycloak user id, i.e. the {@code sub} of the member's tokens; null while provisioning
 * @param roles    the roles the member holds; staff roles ({@link #GRANTABLE_ROLES}, {@code admin} included) work only
 *                 while the membership is {@code ACTIVE}: Keycloak gets {@link #keycloakRoles()}, which leaves them out
 *                 in any other status
 * @param adminAdopted whether {@code admin} is decided by this membership. Memberships written before {@code admin}
 *                 became a managed role have no such field (false): Keycloak alone said who is an admin, so the access
 *                 sync first takes over what Keycloak holds ({@link #adminAdoption}) and only then manages the role;
 *                 until then it leaves Keycloak's {@code admin} alone. Set from the start on every newer membership.
 * @param emailConfirmedAt when this service learned from Keycloak that the applicant confirmed the e-mail address (its
 *                 link); null until then. Not a change of the membership's state, so it raises no version
 * @param version  raised by every change of status, access or own data; a change is written only if the membership is
 *                 still at the version it was decided on, so no write can undo another made meanwhile
 * @param outbox   events and audit entries written with the change that caused them, until the relay has handed them
 *                 on (relay bookkeeping such as leases lives elsewhere)
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
        Boolean adminAdopted,
        boolean enabled,
        long accessGeneration,
        boolean accessSyncPending,
        String statusReason,
        Instant appliedAt,
        Instant updatedAt,
        LocalDate postingReminderSentFor,
        Instant emailConfirmedAt,
        Long version,
        List<OutboxEvent> outbox) {

    public static final String ADMIN = "admin";
    /** The realm roles membership decides about; any other role a Keycloak user holds is left alone. */
    public static final Set<String> MANAGED_ROLES = Set.of("applicant", "member", "moderator", "editor", ADMIN);
    /**
     * Roles an admin grants and revokes (never their own); their holders are staff, and only an admin acts on them.
     * They work only while the membership is active.
     */
    public static final Set<String> GRANTABLE_ROLES = Set.of("moderator", "editor", ADMIN);
    /** What a membership not yet adopted {@code admin} from Keycloak decides about: {@code admin} stays Keycloak's. */
    private static final Set<String> MANAGED_BEFORE_ADOPTION = Set.of("applicant", "member", "moderator", "editor");
    public static final Set<MembershipStatus> UNDER_REVIEW =
            Set.of(MembershipStatus.PENDING_VERIFICATION, MembershipStatus.INFORMATION_REQUESTED);
    /** The statuses only an approval leads to (and on from there). */
    private static final Set<MembershipStatus> APPROVED =
            Set.of(MembershipStatus.ACTIVE, MembershipStatus.LAPSED, MembershipStatus.SUSPENDED);
    /** Everyone who has a membership may leave; an application still being written cannot, nor can the erased. */
    public static final Set<MembershipStatus> ERASABLE = Set.of(MembershipStatus.PENDING_VERIFICATION,
            MembershipStatus.INFORMATION_REQUESTED, MembershipStatus.ACTIVE, MembershipStatus.REJECTED,
            MembershipStatus.SUSPENDED, MembershipStatus.LAPSED);

    public Membership {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        // Memberships stored before admin was a managed role have no flag: not adopted.
        adminAdopted = adminAdopted != null && adminAdopted;
        // Memberships stored before versions existed have none: version 0.
        version = version == null ? 0L : version;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /**
     * A new application, written before its Keycloak user exists: role {@code applicant}, sign-in enabled, and
     * {@code admin} decided by the membership from the start (the new Keycloak user holds no role it does not give).
     */
    public static Membership provisional(String id, String email, String fullName, String language, Credentials credentials,
                                         Consent consent, Instant appliedAt) {
        return new Builder().id(id).status(MembershipStatus.PROVISIONING).email(email).fullName(fullName)
                .displayName(fullName).language(language).credentials(credentials).consent(consent)
                .roles(Set.of("applicant")).adminAdopted(true).enabled(true).appliedAt(appliedAt).updatedAt(appliedAt).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    // ---- decisions --------------------------------------------------------------------------------------------------

    public boolean isUnderReview() {
        return UNDER_REVIEW.contains(status);
    }

    /**
     * Moderators, editors and admins by this membership's roles: only admins act on them, so staff cannot silence each
     * other. (A membership that has not adopted {@code admin} yet does not know about it: ask Keycloak as well.)
     */
    public boolean isStaff() {
        return roles.stream().anyMatch(GRANTABLE_ROLES::contains);
    }

    /** The roles Keycloak should grant: staff roles only while the membership is active (they return with it). */
    public Set<String> keycloakRoles() {
        return keycloakRoles(status, roles);
    }

    private static Set<String> keycloakRoles(MembershipStatus status, Set<String> roles) {
        if (status == MembershipStatus.ACTIVE) {
            return roles;
        }
        Set<String> withheld = new HashSet<>(roles);
        withheld.removeAll(GRANTABLE_ROLES);
        return Set.copyOf(withheld);
    }

    /**
     * The realm roles this membership decides about in Keycloak: {@link #MANAGED_ROLES}, but not {@code admin} before it
     * has been adopted (see {@link #adminAdopted}), so a sync never drops an admin given in Keycloak by hand before.
     */
    public Set<String> managedRoles() {
        return adminAdopted ? MANAGED_ROLES : MANAGED_BEFORE_ADOPTION;
    }

    /**
     * Whether {@code admin} is still Keycloak's alone here: a membership written before {@code admin} was managed, whose
     * Keycloak user exists (an application still being written has none; an erased membership's is gone).
     */
    public boolean awaitsAdminAdoption() {
        return !adminAdopted && memberId != null && ERASABLE.contains(status);
    }

    /**
     * Takes over what Keycloak held before {@code admin} was managed: recorded if Keycloak gives it, so it is withheld
     * while the membership is not active and returns with it, like any staff role; from now on only the roles endpoint
     * grants and revokes it. Status and sign-in stay; the caller also marks the membership as adopted, even when there
     * was nothing to take over.
     */
    public Change adminAdoption(boolean heldInKeycloak) {
        Set<String> next = new HashSet<>(roles);
        if (heldInKeycloak) {
            next.add(ADMIN);
        }
        return new Change(Set.of(status), status, next, enabled, "role-adopted:" + ADMIN, Actor.SYSTEM,
                "held in Keycloak before admin was recorded on memberships");
    }

    /**
     * Whether the applicant has shown control of the e-mail address, as far as this membership knows: recorded once
     * learned, and certain for every membership that was approved (approval waits for it), including those approved
     * before confirmations were recorded. Otherwise only Keycloak can tell ({@link EmailConfirmations}).
     */
    public boolean emailConfirmed() {
        return emailConfirmedAt != null || APPROVED.contains(status);
    }

    /** Whether the posting has ended by {@code today}; a posting ending today is still running. */
    public boolean postingEndedBy(LocalDate today) {
        LocalDate endsOn = credentials == null ? null : credentials.postingEndsOn();
        return endsOn != null && endsOn.isBefore(today);
    }

    /** An application under review becomes a membership: {@code applicant} gives way to {@code member}. */
    public Change approval(Actor actor, String note) {
        Set<String> next = new HashSet<>(roles);
        next.remove("applicant");
        next.add("member");
        return new Change(UNDER_REVIEW, MembershipStatus.ACTIVE, next, true, "approved", actor, note);
    }

    public Change rejection(Actor actor, String reason) {
        return new Change(UNDER_REVIEW, MembershipStatus.REJECTED, roles, false, "rejected", actor, reason);
    }

    public Change informationRequest(Actor actor, String message) {
        return new Change(Set.of(MembershipStatus.PENDING_VERIFICATION), MembershipStatus.INFORMATION_REQUESTED, roles, true,
                "information-requested", actor, message);
    }

    /** The applicant corrected the credentials: back to review, whether or not information was asked for. */
    public Change correction(Actor applicant, String note) {
        return new Change(UNDER_REVIEW, MembershipStatus.PENDING_VERIFICATION, roles, enabled, "application-updated",
                applicant, note);
    }

    public Change suspension(Actor actor, String reason) {
        return new Change(Set.of(MembershipStatus.ACTIVE, MembershipStatus.LAPSED), MembershipStatus.SUSPENDED, roles, false,
                "suspended", actor, reason);
    }

    /**
     * Back to what the membership would be without the suspension: {@code ACTIVE} with {@code member}, or {@code LAPSED}
     * without it if the posting has ended meanwhile (or had ended before), until the member confirms a new one.
     */
    public Change reinstatement(Actor actor, String note, LocalDate today) {
        Set<String> next = new HashSet<>(roles);
        if (postingEndedBy(today)) {
            next.remove("member");
            return new Change(Set.of(MembershipStatus.SUSPENDED), MembershipStatus.LAPSED, next, true, "reinstated", actor, note);
        }
        next.add("member");
        return new Change(Set.of(MembershipStatus.SUSPENDED), MembershipStatus.ACTIVE, next, true, "reinstated", actor, note);
    }

    /**
     * Grants a {@link #GRANTABLE_ROLES grantable role} to an active member, or revokes one in whatever status the
     * membership is (taking power away never waits for a status; status and sign-in stay as they are). Empty when the
     * member already is as asked (nothing to record); a grant to a membership that is not active is returned and refused
     * as a conflict. Decide about {@code admin} only on a membership that has adopted it ({@link #awaitsAdminAdoption}),
     * or a revocation would find nothing recorded to revoke while Keycloak still gives the role.
     */
    public Optional<Change> roleChange(String role, boolean grant, Actor actor, String note) {
        if (!GRANTABLE_ROLES.contains(role)) {
            throw new IllegalArgumentException("not a grantable role: " + role);
        }
        Set<String> next = new HashSet<>(roles);
        if (!grant) {
            if (!next.remove(role)) {
                return Optional.empty();
            }
            Set<MembershipStatus> from = ERASABLE.contains(status) ? Set.of(status) : Set.of();
            return Optional.of(new Change(from, status, next, enabled, "role-revoked:" + role, actor, note));
        }
        if (!next.add(role) && status == MembershipStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(new Change(Set.of(MembershipStatus.ACTIVE), MembershipStatus.ACTIVE, next, true,
                "role-granted:" + role, actor, note));
    }

    /**
     * The posting has ended: {@code member} lapses, sign-in stays (the member may confirm a new posting). Staff roles
     * stay recorded but are withheld from Keycloak until the membership is active again (see {@link #keycloakRoles()}).
     */
    public Change lapse(LocalDate endedOn) {
        Set<String> next = new HashSet<>(roles);
        next.remove("member");
        return new Change(Set.of(MembershipStatus.ACTIVE), MembershipStatus.LAPSED, next, true, "posting-lapsed", Actor.SYSTEM,
                "posting ended " + endedOn);
    }

    /** Whether confirming a posting that ends on {@code newEnd} restores this lapsed membership. */
    public boolean renewedBy(LocalDate newEnd, LocalDate today) {
        return status == MembershipStatus.LAPSED && newEnd != null && newEnd.isAfter(today);
    }

    /** A lapsed member confirmed a new posting: {@code member} again, and any staff role with it. */
    public Change postingRenewal(Actor self) {
        Set<String> next = new HashSet<>(roles);
        next.add("member");
        return new Change(Set.of(MembershipStatus.LAPSED), MembershipStatus.ACTIVE, next, true, "posting-renewed", self, null);
    }

    /** Own data changed, nothing else: allowed in whatever status the membership is now. */
    public Change profileUpdate(Actor self) {
        return profileUpdate(self, null);
    }

    /** @param what for the audit trail: which fields changed (names only; the values stay out of the trail) */
    public Change profileUpdate(Actor self, String what) {
        return new Change(Set.of(status), status, roles, enabled, "profile-updated", self, what);
    }

    /** An application whose e-mail address was not confirmed in time is removed, so the address's owner can apply. */
    public Change expiry(String reason) {
        return new Change(Set.of(MembershipStatus.PENDING_VERIFICATION, MembershipStatus.INFORMATION_REQUESTED),
                MembershipStatus.ERASED, Set.of(), false, "application-expired", Actor.SYSTEM, reason);
    }

    public Change erasure(Actor self) {
        return new Change(ERASABLE, MembershipStatus.ERASED, Set.of(), false, "deleted", self, null);
    }

    /**
     * Whether Keycloak must be told after {@code change}: other roles granted there, sign-in switched, or the user to
     * delete.
     */
    public boolean accessChangedBy(Change change) {
        return !keycloakRoles(change.to(), change.roles()).equals(keycloakRoles()) || change.enabled() != enabled
                || change.to() == MembershipStatus.ERASED;
    }

    /**
     * This membership as {@code change} leaves it at {@code at}, for building its events before the write. The status
     * reason changes with the status only: a role change or an own edit leaves the reason for the status as it was.
     */
    public Membership after(Change change, Instant at) {
        return toBuilder().status(change.to()).roles(change.roles()).enabled(change.enabled())
                .accessSyncPending(accessSyncPending || accessChangedBy(change))
                .statusReason(change.to() != status ? change.reason() : statusReason).updatedAt(at).version(version + 1)
                .outbox(List.of()).build();
    }

    /** Named steps instead of a twenty-argument constructor. */
    public static final class Builder {

        private String id;
        private String memberId;
        private MembershipStatus status;
        private String email;
        private String fullName;
        private String displayName;
        private String language;
        private Credentials credentials;
        private Consent consent;
        private Set<String> roles = Set.of();
        private boolean adminAdopted;
        private boolean enabled;
        private long accessGeneration;
        private boolean accessSyncPending;
        private String statusReason;
        private Instant appliedAt;
        private Instant updatedAt;
        private LocalDate postingReminderSentFor;
        private Instant emailConfirmedAt;
        private long version;
        private List<OutboxEvent> outbox = List.of();

        Builder() {
        }

        private Builder(Membership m) {
            id = m.id;
            memberId = m.memberId;
            status = m.status;
            email = m.email;
            fullName = m.fullName;
            displayName = m.displayName;
            language = m.language;
            credentials = m.credentials;
            consent = m.consent;
            roles = m.roles;
            adminAdopted = m.adminAdopted;
            enabled = m.enabled;
            accessGeneration = m.accessGeneration;
            accessSyncPending = m.accessSyncPending;
            statusReason = m.statusReason;
            appliedAt = m.appliedAt;
            updatedAt = m.updatedAt;
            postingReminderSentFor = m.postingReminderSentFor;
            emailConfirmedAt = m.emailConfirmedAt;
            version = m.version;
            outbox = m.outbox;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder memberId(String value) {
            memberId = value;
            return this;
        }

        public Builder status(MembershipStatus value) {
            status = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder fullName(String value) {
            fullName = value;
            return this;
        }

        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            credentials = value;
            return this;
        }

        public Builder consent(Consent value) {
            consent = value;
            return this;
        }

        public Builder roles(Set<String> value) {
            roles = value;
            return this;
        }

        public Builder adminAdopted(boolean value) {
            adminAdopted = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder accessGeneration(long value) {
            accessGeneration = value;
            return this;
        }

        public Builder accessSyncPending(boolean value) {
            accessSyncPending = value;
            return this;
        }

        public Builder statusReason(String value) {
            statusReason = value;
            return this;
        }

        public Builder appliedAt(Instant value) {
            appliedAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder postingReminderSentFor(LocalDate value) {
            postingReminderSentFor = value;
            return this;
        }

        public Builder emailConfirmedAt(Instant value) {
            emailConfirmedAt = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder outbox(List<OutboxEvent> value) {
            outbox = value;
            return this;
        }

        public Membership build() {
            return new Membership(id, memberId, status, email, fullName, displayName, language, credentials, consent, roles,
                    adminAdopted, enabled, accessGeneration, accessSyncPending, statusReason, appliedAt, updatedAt,
                    postingReminderSentFor, emailConfirmedAt, version, outbox);
        }
    }
}
