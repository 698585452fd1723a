package org.visaport.notification.article;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.digest.ArticleAccess;
import org.visaport.platform.consumer.NewerVersionWins;

/** The articles this service has heard of from news-service's events, newest version kept. */
@Service
public class KnownArticles implements ArticleAccess {

    private final MongoTemplate mongo;

    KnownArticles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownArticle> find(String articleId) {
        return Optional.ofNullable(mongo.findById(articleId, KnownArticle.class));
    }

    /** An article never heard of is readable: the event that named it came from news-service, which publishes only those. */
    @Override
    public boolean stillReadable(String articleId) {
        return find(articleId).map(article -> !article.retracted()).orElse(true);
    }

    /** An event handled late never brings back an older title. */
    void remember(KnownArticle article) {
        Update update = new Update().set("slug", article.slug()).set("title", article.title()).set("version", article.version())
                .set("retracted", article.retracted());
        NewerVersionWins.upsert(mongo, Query.query(Criteria.where("_id").is(article.id()).and("version").lte(article.version())),
                update, KnownArticle.class);
    }
}
