package org.visaport.news.publishing;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleService;
import org.visaport.news.article.ArticleStatus;

/** Publishes scheduled articles when their embargo lifts; article.published is recorded at that moment, not before. */
@Component
public class EmbargoPublisher {

    private static final Logger log = LoggerFactory.getLogger(EmbargoPublisher.class);

    private final MongoTemplate mongo;
    private final ArticleService articles;
    private final Clock clock;

    public EmbargoPublisher(MongoTemplate mongo, ArticleService articles, Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${visaport.embargo.interval:PT5S}")
    @SchedulerLock(name = "news-embargo-publisher", lockAtMostFor = "PT5M")
    public void publishDue() {
        Query due = Query.query(Criteria.where("status").is(ArticleStatus.SCHEDULED).and("publishAt").lte(clock.instant()))
                .with(Sort.by("publishAt")).limit(200);
        for (Article article : mongo.find(due, Article.class)) {
            if (articles.publishIfDue(article)) {
                log.info("Published article {} as its embargo lifted", article.getId());
            }
        }
    }
}
