package org.visaport.news.article;

/** The member who wrote the article: id and public display name, never contact details. */
public record Author(String memberId, String displayName) {
}
