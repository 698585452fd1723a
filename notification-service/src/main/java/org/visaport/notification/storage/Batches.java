package org.visaport.notification.storage;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads everything a filter matches in id order, a batch at a time, each batch starting after the last id of the one
 * before: a fan-out to many thousands costs a few queries, never one per document, and never skips or repeats one
 * when documents are added meanwhile.
 */
public final class Batches {

    private Batches() {
    }

    public static <T> void inIdOrder(MongoTemplate mongo, Criteria filter, Class<T> type, Function<T, String> idOf,
                                     int batchSize, Consumer<List<T>> handler) {
        String after = null;
        while (true) {
            Criteria page = after == null ? filter : new Criteria().andOperator(filter, Criteria.where("_id").gt(after));
            List<T> batch = mongo.find(Query.query(page).with(Sort.by("_id")).limit(batchSize), type);
            if (!batch.isEmpty()) {
                handler.accept(batch);
            }
            if (batch.size() < batchSize) {
                return;
            }
            after = idOf.apply(batch.getLast());
        }
    }
}
