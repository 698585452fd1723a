package org.visaport.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailScheduleTest {

    private static final MailSchedule VIENNA_NIGHTS = new MailSchedule("Europe/Vienna", "22:00", "07:00", 8);

    @Test
    void mailOutsideQuietHoursGoesAtOnce() {
        Instant afternoon = Instant.parse("2026-11-25T14:00:00Z");
        assertThat(VIENNA_NIGHTS.releaseAt(afternoon)).isEqualTo(afternoon);
        assertThat(MailSchedule.DEFAULT.releaseAt(afternoon)).isEqualTo(afternoon);
    }

    @Test
    void mailInQuietHoursAcrossMidnightWaitsForTheirEndInTheMembersZone() {
        // 23:30 in Vienna (UTC+1 in November): it waits until 07:00 the next morning there.
        assertThat(VIENNA_NIGHTS.releaseAt(Instant.parse("2026-11-25T22:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T06:00:00Z"));
        // 03:00 in Vienna: until 07:00 the same morning.
        assertThat(VIENNA_NIGHTS.releaseAt(Instant.parse("2026-11-26T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T06:00:00Z"));
        // 07:00 sharp is no longer quiet.
        assertThat(VIENNA_NIGHTS.releaseAt(Instant.parse("2026-11-26T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T06:00:00Z"));
    }

    @Test
    void quietHoursWithinOneDayAndAcrossADaylightSavingChange() {
        MailSchedule lunch = new MailSchedule("Asia/Tokyo", "12:00", "13:30", 8);
        assertThat(lunch.releaseAt(Instant.parse("2026-11-25T03:15:00Z"))).isEqualTo(Instant.parse("2026-11-25T04:30:00Z"));
        assertThat(lunch.releaseAt(Instant.parse("2026-11-25T04:30:00Z"))).isEqualTo(Instant.parse("2026-11-25T04:30:00Z"));
        // The night the clocks go forward in Vienna (29 March 2026): 07:00 is then UTC+2.
        assertThat(VIENNA_NIGHTS.releaseAt(Instant.parse("2026-03-29T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
    }

    @Test
    void theDigestGoesAtTheNextChosenHourInTheMembersZone() {
        // 08:00 in Vienna is 07:00 UTC in November.
        assertThat(VIENNA_NIGHTS.nextDigestAt(Instant.parse("2026-11-25T06:59:00Z"))).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(VIENNA_NIGHTS.nextDigestAt(Instant.parse("2026-11-25T07:00:00Z"))).isEqualTo(Instant.parse("2026-11-26T07:00:00Z"));
        assertThat(new MailSchedule("America/New_York", null, null, 18).nextDigestAt(Instant.parse("2026-11-25T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
    }

    @Test
    void noQuietHoursUnlessBothEndsAreGivenAndDiffer() {
        assertThat(new MailSchedule("UTC", "22:00", null, 8).hasQuietHours()).isFalse();
        assertThat(new MailSchedule("UTC", "22:00", "22:00", 8).hasQuietHours()).isFalse();
        assertThat(new MailSchedule(null, null, null, 8).zone().getId()).isEqualTo("UTC");
    }
}
