package org.visaport.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.platform.caching.ChangeStamps;
import org.visaport.testsupport.EmbeddedMongo;

/**
 * Once an article's events left, the relay makes sure the readers' list stamp holds the article's last change: a change
 * whose stamp was lost just after the save gets one then, and a recorded one keeps the tag it has.
 */
class ArticleOutboxIT {

    private static final Instant SAVED_AT = Instant.parse("2026-11-25T09:05:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private ChangeStamps stamps;

    @BeforeEach
    void freshDatabase() {
        client = MongoClients.create(EmbeddedMongo.uri());
        mongo = new MongoTemplate(client, "article_outbox_" + UUID.randomUUID().toString().replace("-", ""));
        stamps = new ChangeStamps(mongo);
        mongo.getCollection("articles").insertOne(new Document("_id", "a-1").append("updatedAt", Date.from(SAVED_AT)));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aChangeWhoseStampWasLostIsRecordedOnceItsEventsLeft() {
        stamps.changed(ArticleService.READERS_LIST, SAVED_AT.minusSeconds(300));
        String beforeTheLostStamp = stamps.current(ArticleService.READERS_LIST);

        ArticleOutbox.ensureListStamp(mongo, stamps, "a-1");

        assertThat(stamps.current(ArticleService.READERS_LIST)).isNotEqualTo(beforeTheLostStamp);
    }

    @Test
    void aRecordedChangeKeepsItsTag() {
        stamps.changed(ArticleService.READERS_LIST, SAVED_AT);
        String recorded = stamps.current(ArticleService.READERS_LIST);

        ArticleOutbox.ensureListStamp(mongo, stamps, "a-1");
        ArticleOutbox.ensureListStamp(mongo, stamps, "no-such-article");

        assertThat(stamps.current(ArticleService.READERS_LIST)).isEqualTo(recorded);
    }
}
