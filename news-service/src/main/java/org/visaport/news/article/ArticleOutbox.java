package org.visaport.news.article;

import java.util.Date;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.platform.caching.ChangeStamps;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.outbox.OutboxRelays;

/**
 * Articles keep their pending events in their own {@code outbox}; the shared relay sends them. Every change readers can
 * see records an event, so once an article's events left, the relay makes sure its last change is in the readers'
 * list stamp: a change whose stamp was lost (the database went away just after the save) is recorded then, and one
 * that was recorded leaves the stamp, and every list's tag, alone.
 */
@Configuration(proxyBeanMethods = false)
class ArticleOutbox {

    @Bean
    OutboxRelay articleOutboxRelay(OutboxRelays relays, ChangeStamps stamps, MongoTemplate mongo) {
        return relays.create(OutboxDefinition.of("articles").withAfterRelay(id -> ensureListStamp(mongo, stamps, id)));
    }

    /** Makes sure the readers' list stamp holds the article's last change. */
    static void ensureListStamp(MongoTemplate mongo, ChangeStamps stamps, String articleId) {
        Query lastChange = Query.query(Criteria.where("_id").is(articleId));
        lastChange.fields().include("updatedAt");
        Document article = mongo.findOne(lastChange, Document.class, "articles");
        Date updatedAt = article == null ? null : article.getDate("updatedAt");
        if (updatedAt != null) {
            stamps.ensureRecorded(ArticleService.READERS_LIST, updatedAt.toInstant());
        }
    }
}
