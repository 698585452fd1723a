package org.visaport.news.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words as search compares them: lower case, accents removed, common English words dropped. Stored with each
 * article because {@code $text} search is not available on every MongoDB-wire server; queries match on these.
 */
public final class SearchTerms {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was",
            "were", "will", "with");
    /** Bounds the document size whatever the body length. */
    private static final int MAX_TERMS_PER_FIELD = 2_000;

    private SearchTerms() {
    }

    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> terms = new LinkedHashSet<>();
        for (String word : NON_WORD.split(folded)) {
            if (word.length() > 1 && word.length() <= 40 && !STOP_WORDS.contains(word)) {
                terms.add(word);
                if (terms.size() == MAX_TERMS_PER_FIELD) {
                    break;
                }
            }
        }
        return List.copyOf(terms);
    }

    public static SearchableText of(String title, String lede, String body) {
        List<String> titleTerms = of(title);
        List<String> ledeTerms = of(lede);
        List<String> bodyTerms = of(body);
        Set<String> all = new LinkedHashSet<>(titleTerms);
        all.addAll(ledeTerms);
        all.addAll(bodyTerms);
        return new SearchableText(titleTerms, ledeTerms, bodyTerms, List.copyOf(all));
    }
}
