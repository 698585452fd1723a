package org.visaport.comment.moderation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily stretch of pre-moderation for the whole site, e.g. 22:00–06:00 in the moderators' time zone, when nobody
 * watches the queue. A window may run past midnight.
 */
public record PreModerationWindow(LocalTime from, LocalTime to, ZoneId zone) {

    public boolean covers(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !local.isBefore(from) && local.isBefore(to) : !local.isBefore(from) || local.isBefore(to);
    }

    public String describe() {
        return from + "–" + to + " " + zone.getId();
    }
}
