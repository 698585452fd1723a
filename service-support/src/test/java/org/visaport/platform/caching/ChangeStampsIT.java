package org.visaport.platform.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.platform.testing.MongoWire;

class ChangeStampsIT {

    private static final MongoWire MONGO = new MongoWire();
    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    private MongoTemplate mongo;
    private ChangeStamps stamps;

    @BeforeEach
    void freshStore() {
        mongo = MONGO.freshDatabase();
        stamps = new ChangeStamps(mongo);
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void aSubjectKeepsItsStampUntilItChanges() {
        String before = stamps.current("articles");
        assertThat(stamps.current("articles")).isEqualTo(before);

        stamps.changed("articles", NINE);
        String after = stamps.current("articles");

        assertThat(after).isNotEqualTo(before);
        assertThat(stamps.current("articles")).isEqualTo(after);
    }

    @Test
    void everyChangeGetsAStampOfItsOwnEvenAtTheSameMoment() {
        Set<String> seen = new HashSet<>();
        seen.add(stamps.current("articles"));
        for (int change = 0; change < 20; change++) {
            stamps.changed("articles", NINE);
            assertThat(seen.add(stamps.current("articles"))).as("change %d", change).isTrue();
        }
    }

    @Test
    void subjectsChangeApart() {
        stamps.changed("articles", NINE);
        String articles = stamps.current("articles");
        String comments = stamps.current("comments");

        stamps.changed("comments", NINE);

        assertThat(stamps.current("articles")).isEqualTo(articles);
        assertThat(stamps.current("comments")).isNotEqualTo(comments);
    }

    @Test
    void aDatabaseStartedAfreshNeverRepeatsAnEarlierStamp() {
        stamps.changed("articles", NINE);
        String earlier = stamps.current("articles");

        ChangeStamps afresh = new ChangeStamps(MONGO.freshDatabase());
        afresh.changed("articles", NINE);

        assertThat(afresh.current("articles")).isNotEqualTo(earlier);
    }

    @Test
    void makingSureOfARecordedChangeLeavesTheStampAlone() {
        stamps.changed("articles", NINE);
        String recorded = stamps.current("articles");

        stamps.ensureRecorded("articles", NINE);
        stamps.ensureRecorded("articles", NINE.minusSeconds(60));

        assertThat(stamps.current("articles")).isEqualTo(recorded);
    }

    @Test
    void makingSureOfAChangeWhoseStampWasLostRecordsIt() {
        stamps.changed("articles", NINE);
        String beforeTheLostOne = stamps.current("articles");

        // The change at 09:05 was saved, but its stamp never written.
        stamps.ensureRecorded("articles", NINE.plusSeconds(300));
        String recovered = stamps.current("articles");

        assertThat(recovered).isNotEqualTo(beforeTheLostOne);
        stamps.ensureRecorded("articles", NINE.plusSeconds(300));
        assertThat(stamps.current("articles")).as("recorded once, not again").isEqualTo(recovered);
    }

    @Test
    void makingSureOfTheFirstChangeEverRecordsIt() {
        stamps.ensureRecorded("articles", NINE);

        assertThat(stamps.current("articles")).isNotEqualTo(ChangeStamps.NEVER_CHANGED);
    }

    @Test
    void aLaterChangeKeepsTheNewestTimeWhicheverPathRecordedItFirst() {
        stamps.changed("articles", NINE.plusSeconds(60));
        stamps.changed("articles", NINE);

        assertThat(mongo.findOne(Query.query(Criteria.where("_id").is("articles")), org.bson.Document.class, ChangeStamps.COLLECTION)
                .getDate("changedAt").toInstant()).isEqualTo(NINE.plusSeconds(60));
    }

    @Test
    void aChangeThatCannotBeRecordedDoesNotFailTheWriteItFollows() {
        try (MongoClient nobodyListening = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300")) {
            ChangeStamps unreachable = new ChangeStamps(new MongoTemplate(nobodyListening, "gone"));

            assertThatCode(() -> unreachable.changed("articles", NINE)).doesNotThrowAnyException();
            assertThatCode(() -> unreachable.ensureRecorded("articles", NINE)).doesNotThrowAnyException();
        }
    }
}
