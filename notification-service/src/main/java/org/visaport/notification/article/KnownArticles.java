package org.visaport.notification.article;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The articles this service has heard of from news-service's events, newest version kept. */
@Service
public class KnownArticles {

    private final MongoTemplate mongo;

    KnownArticles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownArticle> find(String articleId) {
        return Optional.ofNullable(mongo.findById(articleId, KnownArticle.class));
    }

    /** An event handled late never brings back an older title. */
    void remember(KnownArticle article) {
        Update update = new Update().set("slug", article.slug()).set("title", article.title()).set("version", article.version());
        if (mongo.exists(Query.query(Criteria.where("_id").is(article.id())), KnownArticle.class)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(article.id()).and("version").lte(article.version())),
                    update, KnownArticle.class);
        } else {
            mongo.upsert(Query.query(Criteria.where("_id").is(article.id())), update, KnownArticle.class);
        }
    }
}
