package org.visaport.platform.paging;

import java.time.Instant;

/** Where a page ended in a list sorted by a time, then by id for rows with the same time. */
public record KeysetPosition(Instant at, String id) {
}
