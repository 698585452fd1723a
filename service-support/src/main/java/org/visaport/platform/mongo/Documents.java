package org.visaport.platform.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Whether a document with a given {@code _id} exists, looked up rather than counted. {@code MongoOperations.exists}
 * counts with an aggregation, which the local MongoDB stand-in answers by reading the whole collection; a lookup by
 * {@code _id} with only {@code _id} returned uses the index there as on MongoDB.
 */
public final class Documents {

    private Documents() {
    }

    public static boolean existsWithId(MongoOperations mongo, Object id, Class<?> type) {
        return existsWithId(mongo, id, mongo.getCollectionName(type));
    }

    public static boolean existsWithId(MongoOperations mongo, Object id, String collection) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include("_id");
        return mongo.findOne(byId, Document.class, collection) != null;
    }
}
