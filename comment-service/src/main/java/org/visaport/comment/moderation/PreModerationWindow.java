package org.visaport.comment.moderation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily stretch of pre-moderation for the whole site, e.g. 22:00–06:00 in the moderators' time zone, when nobody
 * watches the queue. A window may run past midnight. Stored as ISO strings, so every instance reads the same wall-clock
 * times whatever its own time zone.
 */
public record PreModerationWindow(String from, String to, String zone) {

    public PreModerationWindow(LocalTime from, LocalTime to, ZoneId zone) {
        this(from.toString(), to.toString(), zone.getId());
    }

    public boolean covers(Instant instant) {
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        LocalTime local = instant.atZone(ZoneId.of(zone)).toLocalTime();
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end) : !local.isBefore(start) || local.isBefore(end);
    }

    public String describe() {
        return from + "–" + to + " " + zone;
    }
}
