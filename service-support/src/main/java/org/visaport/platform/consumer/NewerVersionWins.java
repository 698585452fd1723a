package org.visaport.platform.consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes to a read model kept from another service's events, which may arrive late or twice: an event never undoes
 * what a newer one stored. One round trip, no transaction, the same on any MongoDB.
 */
public final class NewerVersionWins {

    private NewerVersionWins() {
    }

    /**
     * Applies {@code update} to the document {@code olderOrAbsent} selects by its id and a version older than the
     * event's (or as old, where the caller allows it), inserting it where the id is unknown. Where a newer version is
     * stored the query matches nothing, so the upsert tries a second document with the same id and is refused: nothing
     * changes. Returns whether the update was applied.
     */
    public static boolean upsert(MongoTemplate mongo, Query olderOrAbsent, Update update, Class<?> type) {
        try {
            mongo.upsert(olderOrAbsent, update, type);
            return true;
        } catch (DuplicateKeyException newerStored) {
            return false;
        }
    }
}
