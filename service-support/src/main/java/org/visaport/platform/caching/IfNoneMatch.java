package org.visaport.platform.caching;

/**
 * Reads {@code If-None-Match} (RFC 9110 §13.1.2) without trusting it: a header longer than {@link #MAX_LENGTH}
 * characters, or one that is no list of entity tags, matches nothing, so the client gets the full answer and never
 * an error. {@code *} matches, as the standard says, since a reader's answer always has a current representation.
 * The comparison is the weak one the standard prescribes for this header: {@code W/"x"} matches {@code "x"}.
 *
 * <p>This check decides whether the body is made at all. Spring MVC compares a 200 answer's {@code ETag} with the
 * header once more on its own and turns it into a 304 if it matches there; so an over-long list that names the current
 * tag may still get its 304, only after the body was made. The servlet container bounds all headers (8 KB), the
 * gateway 16 KB.
 */
public final class IfNoneMatch {

    /** A browser sends one tag, a cache a few; more than this is not a cache revalidating. */
    public static final int MAX_LENGTH = 2048;

    private IfNoneMatch() {
    }

    /** Whether {@code header} (null: absent) names {@code etag}, a quoted strong tag as {@link EntityTag#value()} gives. */
    public static boolean matches(String header, String etag) {
        if (header == null || header.length() > MAX_LENGTH) {
            return false;
        }
        String trimmed = header.strip();
        if (trimmed.equals("*")) {
            return true;
        }
        int at = 0;
        while (at < trimmed.length()) {
            at = skipSpaceAndCommas(trimmed, at);
            if (at >= trimmed.length()) {
                return false;
            }
            int start = trimmed.startsWith("W/", at) ? at + 2 : at;
            if (start >= trimmed.length() || trimmed.charAt(start) != '"') {
                return false;
            }
            int end = trimmed.indexOf('"', start + 1);
            if (end < 0) {
                return false;
            }
            if (trimmed.regionMatches(start, etag, 0, etag.length()) && end + 1 - start == etag.length()) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }

    private static int skipSpaceAndCommas(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ',' || text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
