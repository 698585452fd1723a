package org.visaport.notification.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.testsupport.EmbeddedMongo;

/** Against the real store (the MongoDB-wire server, no Spring): events about one briefing, handled in any order. */
class KnownArticlesIT {

    private MongoClient client;
    private MongoTemplate mongo;
    private KnownArticles articles;

    @BeforeEach
    void realStore() {
        client = MongoClients.create(EmbeddedMongo.uri());
        mongo = new MongoTemplate(client, "known_" + UUID.randomUUID().toString().replace("-", ""));
        articles = new KnownArticles(mongo);
    }

    @AfterEach
    void drop() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aBriefingHeardOfForTheFirstTimeIsRemembered() {
        articles.remember(new KnownArticle("a-1", "talks", "Talks resume", 1, false));

        assertThat(articles.find("a-1")).contains(new KnownArticle("a-1", "talks", "Talks resume", 1, false));
        assertThat(articles.stillReadable("a-1")).isTrue();
    }

    @Test
    void aNewerVersionReplacesTheOlderOne() {
        articles.remember(new KnownArticle("a-1", "talks", "Talks resume", 1, false));
        articles.remember(new KnownArticle("a-1", "talks", "Talks resume", 3, true));

        assertThat(articles.find("a-1")).contains(new KnownArticle("a-1", "talks", "Talks resume", 3, true));
        assertThat(articles.stillReadable("a-1")).isFalse();
    }

    @Test
    void anEventHandledLateNeverBringsBackAnOlderTitle() {
        articles.remember(new KnownArticle("a-1", "talks-corrected", "Talks resume in Geneva", 2, false));
        articles.remember(new KnownArticle("a-1", "talks", "Talks resume", 1, false));

        assertThat(articles.find("a-1")).contains(new KnownArticle("a-1", "talks-corrected", "Talks resume in Geneva", 2, false));
        assertThat(mongo.getCollection("known_articles").countDocuments()).isEqualTo(1);
    }

    @Test
    void theSameEventHandledTwiceChangesNothing() {
        KnownArticle retracted = new KnownArticle("a-1", "talks", "Talks resume", 4, true);
        articles.remember(retracted);
        articles.remember(retracted);

        assertThat(articles.find("a-1")).contains(retracted);
    }

    @Test
    void aBriefingNeverHeardOfCountsAsReadable() {
        assertThat(articles.stillReadable("unknown")).isTrue();
    }
}
