package org.visaport.news.article;

import java.time.Instant;

/** Why an article was withdrawn; readers see this instead of the body. */
public record Retraction(String reason, Instant at) {
}
