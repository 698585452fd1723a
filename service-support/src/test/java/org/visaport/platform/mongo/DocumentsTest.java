package org.visaport.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.platform.testing.MongoWire;

class DocumentsTest {

    private static final MongoWire WIRE = new MongoWire();

    @org.springframework.data.mongodb.core.mapping.Document("briefings")
    record Briefing(@Id String id, String title) {
    }

    @AfterAll
    static void stop() {
        WIRE.close();
    }

    @Test
    void aDocumentExistsOnlyUnderItsOwnIdAndInItsOwnCollection() {
        MongoTemplate mongo = WIRE.freshDatabase();
        mongo.insert(new Briefing("b-1", "Talks resume in Geneva"));
        mongo.insert(new Document("_id", "b-2"), "drafts");

        assertThat(Documents.existsWithId(mongo, "b-1", Briefing.class)).isTrue();
        assertThat(Documents.existsWithId(mongo, "b-2", Briefing.class)).isFalse();
        assertThat(Documents.existsWithId(mongo, "b-2", "drafts")).isTrue();
        assertThat(Documents.existsWithId(mongo, "Talks resume in Geneva", Briefing.class)).isFalse();
    }
}
