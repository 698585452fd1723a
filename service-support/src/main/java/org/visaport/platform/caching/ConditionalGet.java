package org.visaport.platform.caching;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Answers a reader's GET: 304 with no body when {@code If-None-Match} names the current tag, else 200 with the body,
 * which is only then made. Both carry the same {@code ETag}, {@code Cache-Control} (see {@link Sharing}) and
 * {@code Vary: Authorization}. A controller loads its documents, builds the {@link EntityTag} from them and hands the
 * mapping over as {@code body}:
 * <pre>{@code
 * return ConditionalGet.answer(ifNoneMatch, tag, Sharing.of(true, caller != null), () -> page.map(Summary::of));
 * }</pre>
 * The services' security headers leave a {@code Cache-Control} that is already set alone, and the gateway passes
 * these headers and the 304 through.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /** {@code tag} already holds the variant; the sharing scope is added here, so both sides of a 304 agree on it. */
    public static <T> ResponseEntity<T> answer(String ifNoneMatch, EntityTag tag, Sharing sharing, Supplier<T> body) {
        String etag = tag.with("sharing", sharing.name()).value();
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(sharing.cacheControl());
        headers.setVary(List.of(HttpHeaders.AUTHORIZATION));
        if (IfNoneMatch.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).body(body.get());
    }
}
