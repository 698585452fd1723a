package org.visaport.identity.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStatus;

/** What the expiry job does on a given day: remind once within the period, lapse after the end, else nothing. */
class PostingStepTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final long REMIND_BEFORE = 30;

    @Test
    void aPostingEndingWithinThePeriodIsRemindedOf() {
        assertThat(step(MembershipStatus.ACTIVE, TODAY.plusDays(10), null)).isEqualTo(PostingStep.REMIND);
        assertThat(step(MembershipStatus.ACTIVE, TODAY.plusDays(REMIND_BEFORE), null)).as("the period's last day")
                .isEqualTo(PostingStep.REMIND);
        assertThat(step(MembershipStatus.ACTIVE, TODAY, null)).as("ends today: still running").isEqualTo(PostingStep.REMIND);
    }

    @Test
    void aMemberIsRemindedOncePerEndDate() {
        LocalDate endsOn = TODAY.plusDays(10);
        assertThat(step(MembershipStatus.ACTIVE, endsOn, endsOn)).isEqualTo(PostingStep.NOTHING);
        assertThat(step(MembershipStatus.ACTIVE, endsOn, endsOn.minusMonths(6))).as("reminded of an earlier end date")
                .isEqualTo(PostingStep.REMIND);
    }

    @Test
    void aPostingThatHasEndedLapses() {
        assertThat(step(MembershipStatus.ACTIVE, TODAY.minusDays(1), null)).isEqualTo(PostingStep.LAPSE);
        assertThat(step(MembershipStatus.ACTIVE, TODAY.minusDays(1), TODAY.minusDays(1))).as("reminded or not")
                .isEqualTo(PostingStep.LAPSE);
    }

    @Test
    void nothingHappensBeforeThePeriodOrToMembersNotActive() {
        assertThat(step(MembershipStatus.ACTIVE, TODAY.plusDays(REMIND_BEFORE + 1), null)).isEqualTo(PostingStep.NOTHING);
        assertThat(step(MembershipStatus.ACTIVE, null, null)).as("no end date given").isEqualTo(PostingStep.NOTHING);
        for (MembershipStatus status : MembershipStatus.values()) {
            if (status != MembershipStatus.ACTIVE) {
                assertThat(step(status, TODAY.minusDays(1), null)).as(status.name()).isEqualTo(PostingStep.NOTHING);
                assertThat(step(status, TODAY.plusDays(1), null)).as(status.name()).isEqualTo(PostingStep.NOTHING);
            }
        }
    }

    private static PostingStep step(MembershipStatus status, LocalDate endsOn, LocalDate remindedFor) {
        Membership m = Membership.provisional("app-1", "anna@mission.example", "Anna Envoy", "de",
                        new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", endsOn), null, Instant.EPOCH)
                .toBuilder().memberId("m-1").status(status).roles(Set.of("member")).postingReminderSentFor(remindedFor).build();
        return PostingStep.decide(m, TODAY, REMIND_BEFORE);
    }
}
