package org.visaport.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.visaport.platform.testing.MongoWire;

/** Against the MongoDB-wire server: events about one article, applied in any order. */
class NewerVersionWinsIT {

    private final MongoWire wire = new MongoWire();
    private final MongoTemplate mongo = wire.freshDatabase();

    @AfterEach
    void close() {
        wire.close();
    }

    @Document("titles")
    record Title(@Id String id, String title, long version) {
    }

    private boolean apply(String title, long version) {
        return NewerVersionWins.upsert(mongo, Query.query(Criteria.where("_id").is("a-1").and("version").lt(version)),
                new Update().set("title", title).set("version", version), Title.class);
    }

    @Test
    void anUnknownIdIsInserted() {
        assertThat(apply("Talks resume", 1)).isTrue();

        assertThat(mongo.findById("a-1", Title.class)).isEqualTo(new Title("a-1", "Talks resume", 1));
    }

    @Test
    void aNewerVersionReplacesTheOlderOne() {
        apply("Talks resume", 1);

        assertThat(apply("Talks resume in Geneva", 2)).isTrue();

        assertThat(mongo.findById("a-1", Title.class)).isEqualTo(new Title("a-1", "Talks resume in Geneva", 2));
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        apply("Talks resume in Geneva", 2);

        assertThat(apply("Talks resume", 1)).isFalse();

        assertThat(mongo.findById("a-1", Title.class)).isEqualTo(new Title("a-1", "Talks resume in Geneva", 2));
        assertThat(mongo.count(new Query(), Title.class)).isEqualTo(1);
    }
}
