package org.visaport.news.reading;

import java.util.List;

/** A page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
