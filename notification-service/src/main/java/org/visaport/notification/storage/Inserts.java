package org.visaport.notification.storage;

import java.util.Collection;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts many documents in one round trip, unordered, and treats an id that exists already as done: documents whose
 * ids derive from the event they come from are stored once however often the event is handled.
 */
public final class Inserts {

    private static final int DUPLICATE_KEY = 11000;

    private Inserts() {
    }

    public static void ignoringDuplicates(MongoTemplate mongo, Class<?> type, Collection<?> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type).insert(documents.stream().toList()).execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }
}
