package org.visaport.news.article;

import java.time.Instant;

/** A visible note on a published article that something in it was wrong. */
public record Correction(String note, Instant at) {
}
