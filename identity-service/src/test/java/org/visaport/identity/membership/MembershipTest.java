package org.visaport.identity.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.visaport.identity.membership.MembershipStatus.ACTIVE;
import static org.visaport.identity.membership.MembershipStatus.ERASED;
import static org.visaport.identity.membership.MembershipStatus.INFORMATION_REQUESTED;
import static org.visaport.identity.membership.MembershipStatus.LAPSED;
import static org.visaport.identity.membership.MembershipStatus.PENDING_VERIFICATION;
import static org.visaport.identity.membership.MembershipStatus.PROVISIONING;
import static org.visaport.identity.membership.MembershipStatus.REJECTED;
import static org.visaport.identity.membership.MembershipStatus.SUSPENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision rules: which status a decision may start from, where it leads, and which access follows. */
class MembershipTest {

    private static final Actor MODERATOR = new Actor("mod-1", "moderator@visaport.local");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @Test
    void aNewApplicationIsAnEnabledApplicantWithNothingPending() {
        Membership m = Membership.provisional("app-1", "anna@mission.example", "Anna Envoy", "de", null, null, NOW);

        assertThat(m.status()).isEqualTo(PROVISIONING);
        assertThat(m.roles()).containsExactly("applicant");
        assertThat(m.enabled()).isTrue();
        assertThat(m.displayName()).isEqualTo("Anna Envoy");
        assertThat(m.appliedAt()).isEqualTo(NOW);
        assertThat(m.updatedAt()).isEqualTo(NOW);
        assertThat(m.memberId()).isNull();
        assertThat(m.accessSyncPending()).isFalse();
        assertThat(m.outbox()).isEmpty();
    }

    @Test
    void approvalTurnsTheApplicantIntoAMember() {
        Change approval = in(PENDING_VERIFICATION, "applicant").approval(MODERATOR, "checked");

        assertThat(approval.to()).isEqualTo(ACTIVE);
        assertThat(approval.roles()).containsExactly("member");
        assertThat(approval.enabled()).isTrue();
        assertThat(approval.action()).isEqualTo("approved");
        assertThat(approval.reason()).isEqualTo("checked");
        assertThat(startsFrom(approval)).containsExactlyInAnyOrder(PENDING_VERIFICATION, INFORMATION_REQUESTED);
    }

    @Test
    void rejectionDisablesSignInAndKeepsTheRoles() {
        Change rejection = in(INFORMATION_REQUESTED, "applicant").rejection(MODERATOR, "unknown number");

        assertThat(rejection.to()).isEqualTo(REJECTED);
        assertThat(rejection.enabled()).isFalse();
        assertThat(rejection.roles()).containsExactly("applicant");
        assertThat(startsFrom(rejection)).containsExactlyInAnyOrder(PENDING_VERIFICATION, INFORMATION_REQUESTED);
    }

    @Test
    void informationIsRequestedOnlyOfAnApplicationAwaitingVerification() {
        Change request = in(PENDING_VERIFICATION, "applicant").informationRequest(MODERATOR, "send the card");

        assertThat(request.to()).isEqualTo(INFORMATION_REQUESTED);
        assertThat(request.enabled()).isTrue();
        assertThat(startsFrom(request)).containsExactly(PENDING_VERIFICATION);
    }

    @Test
    void aCorrectedApplicationGoesBackToVerification() {
        Change correction = in(INFORMATION_REQUESTED, "applicant").correction(new Actor("m-1", "the applicant"), "sent");

        assertThat(correction.to()).isEqualTo(PENDING_VERIFICATION);
        assertThat(correction.roles()).containsExactly("applicant");
        assertThat(startsFrom(correction)).containsExactlyInAnyOrder(PENDING_VERIFICATION, INFORMATION_REQUESTED);
    }

    @Test
    void suspensionAndReinstatementSwitchSignInAndKeepTheRoles() {
        Change suspension = in(ACTIVE, "member", "editor").suspension(MODERATOR, "shared the account");
        assertThat(suspension.to()).isEqualTo(SUSPENDED);
        assertThat(suspension.enabled()).isFalse();
        assertThat(suspension.roles()).containsExactlyInAnyOrder("member", "editor");
        assertThat(startsFrom(suspension)).containsExactlyInAnyOrder(ACTIVE, LAPSED);

        Change reinstatement = in(SUSPENDED, "member").reinstatement(MODERATOR, null, TODAY);
        assertThat(reinstatement.to()).isEqualTo(ACTIVE);
        assertThat(reinstatement.enabled()).isTrue();
        assertThat(reinstatement.roles()).containsExactly("member");
        assertThat(startsFrom(reinstatement)).containsExactly(SUSPENDED);
    }

    @Test
    void moderatorsEditorsAndAdminsAreStaff() {
        assertThat(in(ACTIVE, "member", "moderator").isStaff()).isTrue();
        assertThat(in(ACTIVE, "member", "editor").isStaff()).isTrue();
        assertThat(in(ACTIVE, "member", "admin").isStaff()).isTrue();
        assertThat(in(ACTIVE, "member").isStaff()).isFalse();
    }

    @Test
    void rolesAreGrantedToActiveMembersOnlyAndRevoked() {
        Change grant = in(ACTIVE, "member").roleChange("moderator", true, MODERATOR, null).orElseThrow();
        assertThat(grant.roles()).containsExactlyInAnyOrder("member", "moderator");
        assertThat(grant.action()).isEqualTo("role-granted:moderator");
        assertThat(startsFrom(grant)).containsExactly(ACTIVE);

        Change revoke = in(ACTIVE, "member", "editor").roleChange("editor", false, MODERATOR, null).orElseThrow();
        assertThat(revoke.roles()).containsExactly("member");
        assertThat(revoke.action()).isEqualTo("role-revoked:editor");

        assertThat(in(ACTIVE, "member", "editor").roleChange("editor", true, MODERATOR, null))
                .as("already as asked: nothing to do").isEmpty();
        assertThat(in(SUSPENDED, "member").roleChange("editor", true, MODERATOR, null).orElseThrow().allowedFrom(SUSPENDED))
                .as("a suspended member gets no role").isFalse();
        assertThatThrownBy(() -> in(ACTIVE, "member").roleChange("member", true, MODERATOR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> in(ACTIVE, "member").roleChange("owner", true, MODERATOR, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMemberWhosePostingEndedIsReinstatedAsLapsedWithoutTheMemberRole() {
        Membership lapsedThenSuspended = in(SUSPENDED, "editor").toBuilder()
                .credentials(new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", TODAY.minusDays(3))).build();

        Change reinstatement = lapsedThenSuspended.reinstatement(MODERATOR, null, TODAY);

        assertThat(reinstatement.to()).isEqualTo(LAPSED);
        assertThat(reinstatement.roles()).containsExactly("editor");
        assertThat(reinstatement.enabled()).isTrue();
        assertThat(lapsedThenSuspended.after(reinstatement, NOW).keycloakRoles()).as("staff role withheld while lapsed").isEmpty();

        Membership suspendedWithoutMember = in(SUSPENDED, "editor");
        assertThat(suspendedWithoutMember.reinstatement(MODERATOR, null, TODAY).roles()).as("active means member")
                .containsExactlyInAnyOrder("member", "editor");
        assertThat(in(SUSPENDED, "member").toBuilder()
                .credentials(new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", TODAY)).build()
                .reinstatement(MODERATOR, null, TODAY).to()).as("a posting ending today still runs").isEqualTo(ACTIVE);
    }

    @Test
    void adminsRevokeRolesWhateverTheStatusAndKeepStatusAndSignIn() {
        for (MembershipStatus status : EnumSet.of(PENDING_VERIFICATION, INFORMATION_REQUESTED, ACTIVE, REJECTED, SUSPENDED, LAPSED)) {
            Membership m = in(status, "member", "moderator");
            Change revoke = m.roleChange("moderator", false, MODERATOR, "abused the role").orElseThrow();
            assertThat(revoke.roles()).as(status.name()).containsExactly("member");
            assertThat(revoke.to()).as(status.name()).isEqualTo(status);
            assertThat(revoke.enabled()).as(status.name()).isEqualTo(m.enabled());
            assertThat(startsFrom(revoke)).as(status.name()).containsExactly(status);
            assertThat(in(status, "member").roleChange("moderator", false, MODERATOR, null)).as(status + ": nothing to revoke")
                    .isEmpty();
        }
    }

    @Test
    void staffRolesReachKeycloakOnlyWhileTheMembershipIsActive() {
        assertThat(in(ACTIVE, "member", "moderator").keycloakRoles()).containsExactlyInAnyOrder("member", "moderator");
        assertThat(in(LAPSED, "editor").keycloakRoles()).isEmpty();
        assertThat(in(SUSPENDED, "member", "moderator").keycloakRoles()).containsExactly("member");
        assertThat(in(PENDING_VERIFICATION, "applicant").keycloakRoles()).containsExactly("applicant");

        Membership staff = in(ACTIVE, "member", "moderator");
        Change lapse = staff.lapse(TODAY.minusDays(1));
        assertThat(lapse.roles()).as("the grant stays recorded").containsExactly("moderator");
        assertThat(staff.after(lapse, NOW).keycloakRoles()).as("but Keycloak gets nothing of it").isEmpty();
        assertThat(staff.accessChangedBy(lapse)).isTrue();

        Membership lapsed = staff.after(lapse, NOW);
        Change renewal = lapsed.postingRenewal(new Actor("m-1", "the member"));
        assertThat(lapsed.after(renewal, NOW).keycloakRoles()).as("and it returns with the membership")
                .containsExactlyInAnyOrder("member", "moderator");

        Membership suspendedStaff = in(SUSPENDED, "member", "moderator");
        assertThat(suspendedStaff.accessChangedBy(suspendedStaff.roleChange("moderator", false, MODERATOR, null).orElseThrow()))
                .as("revoking a withheld role changes nothing in Keycloak").isFalse();
    }

    @Test
    void adminIsGrantedAndRevokedLikeAnyStaffRoleAndReachesKeycloakOnlyWhileTheMembershipIsActive() {
        Membership member = in(ACTIVE, "member");
        Change grant = member.roleChange("admin", true, MODERATOR, null).orElseThrow();
        assertThat(grant.roles()).containsExactlyInAnyOrder("member", "admin");
        assertThat(grant.action()).isEqualTo("role-granted:admin");
        assertThat(startsFrom(grant)).as("to an active member only").containsExactly(ACTIVE);
        Membership admin = member.after(grant, NOW);
        assertThat(member.accessChangedBy(grant)).isTrue();
        assertThat(admin.keycloakRoles()).containsExactlyInAnyOrder("member", "admin");
        assertThat(admin.isStaff()).isTrue();

        Change lapse = admin.lapse(TODAY.minusDays(1));
        Membership lapsed = admin.after(lapse, NOW);
        assertThat(lapsed.roles()).as("the grant stays recorded").containsExactly("admin");
        assertThat(lapsed.keycloakRoles()).as("but Keycloak gets nothing of it").isEmpty();
        assertThat(admin.accessChangedBy(lapse)).isTrue();
        assertThat(lapsed.after(lapsed.postingRenewal(new Actor("m-1", "the member")), NOW).keycloakRoles())
                .as("and it returns with the membership").containsExactlyInAnyOrder("member", "admin");

        Change suspension = admin.suspension(MODERATOR, "abused the role");
        Membership suspended = admin.after(suspension, NOW);
        assertThat(suspended.keycloakRoles()).containsExactly("member");
        assertThat(suspended.after(suspended.reinstatement(MODERATOR, null, TODAY), NOW).keycloakRoles())
                .containsExactlyInAnyOrder("member", "admin");

        Change revoke = suspended.roleChange("admin", false, MODERATOR, null).orElseThrow();
        assertThat(revoke.roles()).containsExactly("member");
        assertThat(revoke.action()).isEqualTo("role-revoked:admin");
        assertThat(startsFrom(revoke)).as("revoked whatever the status").containsExactly(SUSPENDED);
        assertThat(in(LAPSED, "admin").roleChange("admin", true, MODERATOR, null).orElseThrow().allowedFrom(LAPSED))
                .as("a lapsed member gets no role").isFalse();
    }

    @Test
    void aMembershipFromBeforeAdminWasManagedAdoptsWhatKeycloakGivesOnce() {
        Membership legacy = in(ACTIVE, "member").toBuilder().adminAdopted(false).build();
        assertThat(legacy.awaitsAdminAdoption()).isTrue();
        assertThat(legacy.managedRoles()).as("Keycloak's admin is left alone until adopted").doesNotContain("admin")
                .contains("member", "moderator", "editor");
        assertThat(in(ACTIVE, "member").awaitsAdminAdoption()).as("newer memberships decide from the start").isFalse();
        assertThat(in(ACTIVE, "member").managedRoles()).contains("admin");
        assertThat(Membership.provisional("app-2", "b@mission.example", "B", "en", null, null, NOW).adminAdopted()).isTrue();
        assertThat(in(PENDING_VERIFICATION, "applicant").toBuilder().memberId(null).adminAdopted(false).build()
                .awaitsAdminAdoption()).as("no Keycloak user yet").isFalse();
        assertThat(in(ERASED).toBuilder().adminAdopted(false).build().awaitsAdminAdoption()).as("Keycloak user gone").isFalse();

        Change held = legacy.adminAdoption(true);
        assertThat(held.roles()).containsExactlyInAnyOrder("member", "admin");
        assertThat(held.to()).isEqualTo(ACTIVE);
        assertThat(held.enabled()).isTrue();
        assertThat(held.action()).isEqualTo("role-adopted:admin");
        assertThat(held.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(startsFrom(held)).containsExactly(ACTIVE);
        assertThat(legacy.after(held, NOW).keycloakRoles()).as("an active admin keeps it").contains("admin");
        assertThat(legacy.adminAdoption(false).roles()).containsExactly("member");

        Membership lapsedLegacy = in(LAPSED).toBuilder().adminAdopted(false).build();
        Membership adopted = lapsedLegacy.after(lapsedLegacy.adminAdoption(true), NOW).toBuilder().adminAdopted(true).build();
        assertThat(adopted.roles()).containsExactly("admin");
        assertThat(adopted.keycloakRoles()).as("a lapsed admin loses it in Keycloak").isEmpty();
        assertThat(adopted.after(adopted.postingRenewal(new Actor("m-1", "the member")), NOW).keycloakRoles())
                .as("and gets it back with a new posting").containsExactlyInAnyOrder("member", "admin");
    }

    @Test
    void aChangeKeepsTheStatusReasonUnlessTheStatusChangesAndRaisesTheVersion() {
        Membership suspended = in(SUSPENDED, "member", "editor").toBuilder().statusReason("shared the account").version(4).build();

        Membership after = suspended.after(suspended.roleChange("editor", false, MODERATOR, "no longer needed").orElseThrow(), NOW);

        assertThat(after.statusReason()).isEqualTo("shared the account");
        assertThat(after.version()).isEqualTo(5);
        assertThat(suspended.after(suspended.reinstatement(MODERATOR, "cleared", TODAY), NOW).statusReason()).isEqualTo("cleared");
    }

    @Test
    void anEndedPostingLapsesTheMemberRoleButNotSignIn() {
        Change lapse = in(ACTIVE, "member", "editor").lapse(TODAY.minusDays(1));

        assertThat(lapse.to()).isEqualTo(LAPSED);
        assertThat(lapse.roles()).containsExactly("editor");
        assertThat(lapse.enabled()).isTrue();
        assertThat(lapse.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(lapse.reason()).isEqualTo("posting ended 2026-11-24");
        assertThat(startsFrom(lapse)).containsExactly(ACTIVE);
    }

    @Test
    void onlyAFuturePostingRenewsALapsedMembership() {
        Membership lapsed = in(LAPSED);
        assertThat(lapsed.renewedBy(TODAY.plusDays(1), TODAY)).isTrue();
        assertThat(lapsed.renewedBy(TODAY, TODAY)).isFalse();
        assertThat(lapsed.renewedBy(null, TODAY)).isFalse();
        assertThat(in(ACTIVE, "member").renewedBy(TODAY.plusYears(1), TODAY)).isFalse();

        Change renewal = lapsed.postingRenewal(new Actor("m-1", "the member"));
        assertThat(renewal.to()).isEqualTo(ACTIVE);
        assertThat(renewal.roles()).containsExactly("member");
        assertThat(startsFrom(renewal)).containsExactly(LAPSED);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipStatus.class, names = {"PROVISIONING", "ERASED"}, mode = EnumSource.Mode.EXCLUDE)
    void aProfileUpdateKeepsStatusAndAccess(MembershipStatus status) {
        Membership m = in(status, "member");
        Change update = m.profileUpdate(new Actor("m-1", "the member"));

        assertThat(update.to()).isEqualTo(status);
        assertThat(startsFrom(update)).containsExactly(status);
        assertThat(m.accessChangedBy(update)).isFalse();
    }

    @Test
    void everyoneWithAMembershipMayLeave() {
        Change erasure = in(SUSPENDED, "member").erasure(new Actor("m-1", "the member"));

        assertThat(erasure.to()).isEqualTo(ERASED);
        assertThat(erasure.roles()).isEmpty();
        assertThat(erasure.enabled()).isFalse();
        assertThat(startsFrom(erasure)).containsExactlyInAnyOrder(PENDING_VERIFICATION, INFORMATION_REQUESTED, ACTIVE,
                REJECTED, SUSPENDED, LAPSED);
    }

    @Test
    void keycloakIsToldWhenRolesSignInOrExistenceChange() {
        Membership active = in(ACTIVE, "member");
        assertThat(active.accessChangedBy(active.suspension(MODERATOR, "r"))).as("sign-in switched off").isTrue();
        assertThat(active.accessChangedBy(active.lapse(TODAY))).as("role removed").isTrue();
        assertThat(active.accessChangedBy(active.erasure(MODERATOR))).as("user to delete").isTrue();
        Membership erasedWithoutAccess = in(SUSPENDED).toBuilder().enabled(false).build();
        assertThat(erasedWithoutAccess.accessChangedBy(erasedWithoutAccess.erasure(MODERATOR)))
                .as("even with no role and sign-in already off").isTrue();
        Membership pending = in(PENDING_VERIFICATION, "applicant");
        assertThat(pending.accessChangedBy(pending.informationRequest(MODERATOR, "?"))).isFalse();
    }

    @Test
    void anAddressIsConfirmedOnceRecordedAndForEveryMembershipAnApprovalLedTo() {
        assertThat(in(PENDING_VERIFICATION, "applicant").emailConfirmed()).as("only Keycloak can tell").isFalse();
        assertThat(in(INFORMATION_REQUESTED, "applicant").toBuilder().emailConfirmedAt(NOW).build().emailConfirmed()).isTrue();
        assertThat(in(REJECTED, "applicant").emailConfirmed()).as("rejection does not wait for it").isFalse();
        for (MembershipStatus approved : EnumSet.of(ACTIVE, LAPSED, SUSPENDED)) {
            assertThat(in(approved, "member").emailConfirmed()).as("approved before confirmations were recorded: " + approved)
                    .isTrue();
        }
    }

    @Test
    void theMembershipAfterAChangeShowsTheNewStatusAndAccess() {
        Membership pending = in(PENDING_VERIFICATION, "applicant");
        Instant later = NOW.plusSeconds(60);

        Membership after = pending.after(pending.approval(MODERATOR, "ok"), later);

        assertThat(after.status()).isEqualTo(ACTIVE);
        assertThat(after.roles()).containsExactly("member");
        assertThat(after.statusReason()).isEqualTo("ok");
        assertThat(after.updatedAt()).isEqualTo(later);
        assertThat(after.accessSyncPending()).isTrue();
        assertThat(after.email()).isEqualTo(pending.email());
        assertThat(after.appliedAt()).isEqualTo(pending.appliedAt());
        assertThat(after.id()).isEqualTo(pending.id());
    }

    private static Membership in(MembershipStatus status, String... roles) {
        return Membership.provisional("app-1", "anna@mission.example", "Anna Envoy", "de",
                        new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", TODAY.plusYears(1)), null, NOW)
                .toBuilder().memberId("m-1").status(status).roles(Set.of(roles)).enabled(status != SUSPENDED).build();
    }

    private static Set<MembershipStatus> startsFrom(Change change) {
        Set<MembershipStatus> from = EnumSet.noneOf(MembershipStatus.class);
        for (MembershipStatus status : MembershipStatus.values()) {
            if (change.allowedFrom(status)) {
                from.add(status);
            }
        }
        return from;
    }
}
