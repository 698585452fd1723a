package org.visaport.news.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL names derived from titles: "US. State department suspends…" → "us-state-department-suspends…". */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        String slug = NON_SLUG.matcher(ascii).replaceAll("-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+[^-]*$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /**
     * The n-th alternative when the plain slug is taken by another article: numbered at first, then (for a title used
     * over and over) with a random suffix, so there is always a free one.
     */
    public static String withSuffix(String slug, int n) {
        return n <= NUMBERED ? slug + "-" + n
                : slug + "-" + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    /** How many numbered alternatives come before the random ones. */
    static final int NUMBERED = 20;
}
