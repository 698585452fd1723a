package org.visaport.platform.caching;

import java.util.ArrayList;
import java.util.List;
import org.visaport.platform.hashing.Hashing;

/**
 * A strong entity tag made from what an answer is made of, not from its bytes: the kind of answer, the variant the
 * caller gets (e.g. teaser or full text) and who may keep it, the query that chose the documents, and each document's
 * id and version. All of that is known once the documents are loaded, so a matching {@code If-None-Match} is answered
 * before anything is mapped, rendered or serialised.
 *
 * <p>Whatever changes the answer must be one of the parts: a document that can change without its version moving,
 * or a part of the answer that comes from elsewhere (another document's slug, a count, a setting), has to be added
 * on its own. When the shape of an answer changes (a field added), raise the version in its kind (e.g.
 * {@code "news.article/2"}) so clients holding the old shape get the new one.
 */
public final class EntityTag {

    private final List<String> parts = new ArrayList<>();

    private EntityTag(String kind) {
        parts.add(kind);
    }

    /** {@code kind} names the answer and the version of its shape, e.g. {@code "comments.thread/1"}. */
    public static EntityTag of(String kind) {
        return new EntityTag(kind);
    }

    /** One part of the answer's make-up; null is a part of its own, unlike {@code "null"}. */
    public EntityTag with(Object part) {
        parts.add(part == null ? "\u0000" : "=" + part);
        return this;
    }

    /** A document by id and version (or modification time). */
    public EntityTag with(Object id, Object version) {
        return with(id).with(version);
    }

    public EntityTag withAll(Iterable<?> more) {
        int count = 0;
        for (Object part : more) {
            with(part);
            count++;
        }
        // The count closes the list, so ([a, b], [c]) and ([a], [b, c]) differ.
        return with("#" + count);
    }

    /** The quoted tag, e.g. {@code "3f9a…"}: 128 bits of the SHA-256 of the length-prefixed parts. */
    public String value() {
        String[] prefixed = parts.stream().map(part -> part.length() + ":" + part).toArray(String[]::new);
        return "\"" + Hashing.sha256(prefixed).substring(0, 32) + "\"";
    }

    @Override
    public String toString() {
        return value();
    }
}
