package org.visaport.news.search;

import java.util.List;

/** The normalised terms of each searchable part of an article. */
public record SearchableText(List<String> title, List<String> lede, List<String> body, List<String> all) {
}
