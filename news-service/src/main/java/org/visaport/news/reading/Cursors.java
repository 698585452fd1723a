package org.visaport.news.reading;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.problem.Problems;

/** Opaque page cursors: clients pass back what they got and never build one. */
final class Cursors {

    /** Position after the last article of a newest-first page. */
    record After(Instant publishedAt, String id) {
    }

    private Cursors() {
    }

    static String after(Instant publishedAt, String id) {
        return encode("t" + publishedAt.toEpochMilli() + "~" + id);
    }

    static After parseAfter(String cursor) {
        String raw = decode(cursor);
        int split = raw.indexOf('~');
        if (!raw.startsWith("t") || split < 2) {
            throw invalid();
        }
        try {
            return new After(Instant.ofEpochMilli(Long.parseLong(raw.substring(1, split))), raw.substring(split + 1));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static String offset(int offset) {
        return encode("o" + offset);
    }

    static int parseOffset(String cursor) {
        String raw = decode(cursor);
        try {
            int offset = raw.startsWith("o") ? Integer.parseInt(raw.substring(1)) : -1;
            if (offset < 0) {
                throw invalid();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ErrorResponseException invalid() {
        return Problems.invalidField("cursor", "is not a cursor this list returned");
    }
}
