package org.visaport.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.problem.Problems;

/**
 * Opaque, tamper-evident page cursors. A cursor carries its position and an HMAC over the position and the list it
 * belongs to ({@code scope}: the list and its filters), so a client can neither forge a position nor carry a cursor
 * over to another list or filter; either is a 400 validation problem on {@code cursor}, never a 500 or a foreign page.
 */
public class Cursors {

    /** Longer is no cursor of ours: a page position is a time and an id. */
    private static final int MAX_LENGTH = 1000;

    private static final char SEPARATOR = '\u001f';
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public Cursors(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the cursor secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String encode(String scope, String... values) {
        String payload = ENCODER.encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(scope, payload));
    }

    /** The values of a cursor this service issued for {@code scope}; anything else is a 400 on {@code cursor}. */
    public List<String> decode(String scope, String cursor, int values) {
        return decode(scope, cursor, values, MAX_LENGTH);
    }

    /**
     * The same for a position that may be longer than a page's ({@code maxLength} characters at most): the length is
     * checked before the signature, so an oversized value costs no hashing.
     */
    public List<String> decode(String scope, String cursor, int values, int maxLength) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || cursor.length() > maxLength) {
            throw invalid();
        }
        String payload = cursor.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(scope, payload), DECODER.decode(cursor.substring(dot + 1)))) {
                throw invalid();
            }
            List<String> decoded = Arrays.asList(new String(DECODER.decode(payload), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1));
            if (decoded.size() != values) {
                throw invalid();
            }
            return decoded;
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    /** After the row at this position of a list sorted by a time and then the id. */
    public String after(String scope, KeysetPosition position) {
        return encode(scope, Long.toString(position.at().toEpochMilli()), position.id());
    }

    /** Null for no cursor. */
    public KeysetPosition afterPosition(String scope, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> values = decode(scope, cursor, 2);
        try {
            return new KeysetPosition(Instant.ofEpochMilli(Long.parseLong(values.get(0))), values.get(1));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** For lists ranked in memory (search): the offset of the next page. */
    public String offset(String scope, int offset) {
        return encode(scope, Integer.toString(offset));
    }

    public int offset(String scope, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(decode(scope, cursor, 1).getFirst());
            if (offset < 0) {
                throw invalid();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /**
     * A page of a keyset list: {@code fetched} holds up to {@code limit + 1} rows (see {@link Keyset#query}); the extra
     * row only tells that another page exists.
     */
    public <S, T> Page<T> page(String scope, List<S> fetched, int limit, Function<S, KeysetPosition> position,
                               Function<S, T> view) {
        List<S> rows = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        String next = fetched.size() > limit ? after(scope, position.apply(rows.getLast())) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    private byte[] mac(String scope, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static ErrorResponseException invalid() {
        return Problems.invalidField("cursor", "is not a cursor this list returned");
    }
}
