package org.visaport.notification.article;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.delivery.Recipient;
import org.visaport.notification.storage.Batches;
import org.visaport.platform.hashing.Hashing;

/** The record per briefing of who was told which version: one bulk write per fan-out batch. */
@Service
public class ArticleRecipients {

    private final MongoTemplate mongo;
    private final Clock clock;

    ArticleRecipients(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String id(String articleId, String memberId) {
        return Hashing.sha256("told", articleId, memberId).substring(0, 32);
    }

    /** These members were told of {@code version}; one told by e-mail before stays so (its follow-ups go by e-mail). */
    void told(String articleId, long version, Collection<Recipient> recipients) {
        List<Recipient> told = recipients.stream().filter(r -> r.inApp() || r.byEmail()).toList();
        if (told.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ArticleRecipient.class);
        for (Recipient recipient : told) {
            Update update = new Update().setOnInsert("articleId", articleId).setOnInsert("memberId", recipient.memberId())
                    .max("version", version).set("toldAt", clock.instant());
            if (recipient.byEmail()) {
                update.set("byEmail", true);
            } else {
                update.setOnInsert("byEmail", false);
            }
            bulk.upsert(Query.query(Criteria.where("_id").is(id(articleId, recipient.memberId()))), update);
        }
        bulk.execute();
    }

    /** Everyone told of the briefing, {@code batchSize} at a time. */
    void forEachTold(String articleId, int batchSize, Consumer<List<ArticleRecipient>> batchHandler) {
        Batches.inIdOrder(mongo, Criteria.where("articleId").is(articleId), ArticleRecipient.class, ArticleRecipient::id,
                batchSize, batchHandler);
    }

    public void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), ArticleRecipient.class);
    }
}
