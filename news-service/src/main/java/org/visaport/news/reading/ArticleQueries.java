package org.visaport.news.reading;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleStatus;

/** What readers can list and search: published articles only, drafts and embargoed ones never. */
@Component
public class ArticleQueries {

    /** Search ranks at most this many of the newest matching articles; older matches need narrower words or filters. */
    static final int SEARCH_CANDIDATES = 500;
    /** What {@link ArticleSummary} shows, what {@link #relevance} ranks by, and the status the candidates have. */
    static final List<String> SEARCH_FIELDS = List.of("slug", "title", "lede", "dateline", "tags", "regions", "countries",
            "language", "status", "publishedAt", "titleTerms", "ledeTerms", "bodyTerms");

    private final MongoTemplate mongo;

    public ArticleQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Page<Article> newest(ArticleFilter filter) {
        List<Criteria> criteria = filters(filter);
        if (filter.cursor() != null) {
            Cursors.After after = Cursors.parseAfter(filter.cursor());
            criteria.add(new Criteria().orOperator(
                    Criteria.where("publishedAt").lt(after.publishedAt()),
                    new Criteria().andOperator(Criteria.where("publishedAt").is(after.publishedAt()), Criteria.where("_id").lt(after.id()))));
        }
        Query query = Query.query(new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(filter.pageSize() + 1);
        List<Article> found = mongo.find(query, Article.class);
        if (found.size() <= filter.pageSize()) {
            return new Page<>(found, null);
        }
        List<Article> page = found.subList(0, filter.pageSize());
        Article last = page.getLast();
        return new Page<>(page, Cursors.after(last.getPublishedAt(), last.getId()));
    }

    /** Articles containing every word, best first: a word in the title counts most, then the lede, then the body. */
    public Page<Article> search(ArticleFilter filter, List<String> terms) {
        List<Criteria> criteria = filters(filter);
        criteria.add(Criteria.where("searchTerms").all(terms));
        Query query = Query.query(new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(SEARCH_CANDIDATES);
        // Candidates carry only what ranking and the list entries need: no body, HTML, outbox or all-terms list.
        query.fields().include(SEARCH_FIELDS.toArray(String[]::new));
        List<Article> ranked = new ArrayList<>(mongo.find(query, Article.class));
        ranked.sort(Comparator.comparingInt((Article a) -> -relevance(a, terms))
                .thenComparing(Article::getPublishedAt, Comparator.reverseOrder()));
        int offset = filter.cursor() == null ? 0 : Cursors.parseOffset(filter.cursor());
        int end = Math.min(ranked.size(), offset + filter.pageSize());
        List<Article> page = offset >= ranked.size() ? List.of() : ranked.subList(offset, end);
        return new Page<>(page, end < ranked.size() ? Cursors.offset(end) : null);
    }

    public List<Article> translations(Article article) {
        Query query = Query.query(Criteria.where("translationGroup").is(article.getTranslationGroup())
                .and("status").in(ArticleStatus.PUBLISHED, ArticleStatus.RETRACTED).and("_id").ne(article.getId()));
        query.fields().include("language", "slug");
        return mongo.find(query, Article.class);
    }

    static int relevance(Article article, List<String> terms) {
        int score = 0;
        for (String term : terms) {
            score += article.getTitleTerms().contains(term) ? 3 : 0;
            score += article.getLedeTerms().contains(term) ? 2 : 0;
            score += article.getBodyTerms().contains(term) ? 1 : 0;
        }
        return score;
    }

    private static List<Criteria> filters(ArticleFilter filter) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("status").is(ArticleStatus.PUBLISHED));
        if (filter.tag() != null) {
            criteria.add(Criteria.where("tags").is(filter.tag()));
        }
        if (filter.region() != null) {
            criteria.add(Criteria.where("regions").is(filter.region()));
        }
        if (filter.country() != null) {
            criteria.add(Criteria.where("countries").is(filter.country()));
        }
        if (filter.language() != null) {
            criteria.add(Criteria.where("language").is(filter.language()));
        }
        if (filter.from() != null) {
            criteria.add(Criteria.where("publishedAt").gte(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            criteria.add(Criteria.where("publishedAt").lt(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return criteria;
    }
}
