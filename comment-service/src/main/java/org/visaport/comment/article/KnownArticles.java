package org.visaport.comment.article;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.visaport.platform.consumer.NewerVersionWins;

/**
 * The articles comments hang under. Known ones come from the local read model, so reading and commenting go on while
 * news-service is down; an unknown one is looked up at news-service once (through a circuit breaker) and remembered.
 */
@Service
public class KnownArticles {

    private final MongoTemplate mongo;
    private final NewsClient news;
    private final Clock clock;

    public KnownArticles(MongoTemplate mongo, NewsClient news, Clock clock) {
        this.mongo = mongo;
        this.news = news;
        this.clock = clock;
    }

    /** A published or retracted article; 404 for drafts, embargoed and unknown ids, 503 when that cannot be told. */
    public KnownArticle forReading(String id) {
        return local(id).or(() -> fetched(id)).orElseThrow(() -> ArticleProblems.notFound(id));
    }

    /** An article that takes comments now: published, not retracted, comments on (409 otherwise). */
    public KnownArticle forCommenting(String id) {
        KnownArticle article = forReading(id);
        if (!article.open()) {
            throw ArticleProblems.closed(id);
        }
        return article;
    }

    public List<KnownArticle> all(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), KnownArticle.class);
    }

    /** Stores what an event says unless a newer version is known already; safe to repeat. */
    void apply(KnownArticle article) {
        Query older = Query.query(Criteria.where("_id").is(article.id()).and("version").lt(article.version()));
        var update = new org.springframework.data.mongodb.core.query.Update()
                .set("title", article.title()).set("slug", article.slug()).set("status", article.status())
                .set("commentsEnabled", article.commentsEnabled()).set("version", article.version())
                .set("seenAt", article.seenAt());
        NewerVersionWins.upsert(mongo, older, update, KnownArticle.class);
    }

    private Optional<KnownArticle> local(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownArticle.class));
    }

    private Optional<KnownArticle> fetched(String id) {
        return news.article(id).map(found -> {
            // Version 0 lets any event about the article replace what the lookup saw.
            KnownArticle article = new KnownArticle(found.id(), found.title(), found.slug(),
                    found.retraction() == null ? KnownArticle.Status.PUBLISHED : KnownArticle.Status.RETRACTED,
                    found.commentsEnabled(), 0, clock.instant());
            apply(article);
            return local(id).orElse(article);
        });
    }
}
