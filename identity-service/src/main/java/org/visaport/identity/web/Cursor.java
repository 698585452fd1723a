package org.visaport.identity.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Position in a list ordered by time then id; opaque to clients. */
public record Cursor(Instant at, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; a malformed one is the client's error, reported as a 400. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, colon))), decoded.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new BadRequestException("cursor", "is not a cursor this API returned");
        }
    }
}
