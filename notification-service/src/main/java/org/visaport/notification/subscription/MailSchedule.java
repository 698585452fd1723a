package org.visaport.notification.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a member's e-mail may go, in their own time zone: not during their quiet hours (a mail due then waits until
 * they end), and daily digests at their chosen hour. Times are kept as "HH:mm" text, as the member wrote them.
 *
 * @param quietFrom  the start of the quiet hours; with {@code quietUntil} null for none. A window may span midnight
 *                   (22:00 to 07:00).
 * @param digestHour the local hour (0–23) at which a daily digest goes out
 */
public record MailSchedule(String timeZone, String quietFrom, String quietUntil, int digestHour) {

    public static final MailSchedule DEFAULT = new MailSchedule("UTC", null, null, 8);

    public MailSchedule {
        timeZone = timeZone == null ? "UTC" : timeZone;
        if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) {
            quietFrom = null;
            quietUntil = null;
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean hasQuietHours() {
        return quietFrom != null;
    }

    /** When a mail that is ready at {@code now} may be sent: now, or the end of the quiet hours it falls into. */
    public Instant releaseAt(Instant now) {
        if (!hasQuietHours()) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone());
        LocalTime from = LocalTime.parse(quietFrom);
        LocalTime until = LocalTime.parse(quietUntil);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = from.isAfter(until);
        boolean quiet = spansMidnight ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        LocalDate endDay = spansMidnight && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        // ZonedDateTime.of moves a time that a daylight-saving jump skips to just after the jump.
        return ZonedDateTime.of(endDay, until, zone()).toInstant();
    }

    /** The first digest time strictly after {@code now}: today's at the chosen hour, or tomorrow's. */
    public Instant nextDigestAt(Instant now) {
        ZonedDateTime local = now.atZone(zone());
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), LocalTime.of(digestHour, 0), zone());
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }
}
