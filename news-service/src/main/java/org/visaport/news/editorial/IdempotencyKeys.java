package org.visaport.news.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Remembers which article a creating request made, per editor and Idempotency-Key, so a retried request returns
 * the same article instead of a second one. The key is claimed before the article is written.
 */
@Component
class IdempotencyKeys {

    @Document("idempotency_keys")
    record Claim(@Id String key, String articleId, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Empty when this request claimed the key for {@code articleId}; otherwise the article an earlier request made. */
    Optional<String> claim(String editorId, String idempotencyKey, String articleId) {
        String key = editorId + ":" + idempotencyKey;
        try {
            mongo.insert(new Claim(key, articleId, clock.instant()));
            return Optional.empty();
        } catch (DuplicateKeyException earlierRequest) {
            return Optional.ofNullable(mongo.findById(key, Claim.class)).map(Claim::articleId);
        }
    }

    /** Frees a key whose article was never written, so the retry can create it. */
    void release(String editorId, String idempotencyKey) {
        mongo.remove(new Claim(editorId + ":" + idempotencyKey, null, null));
    }
}
