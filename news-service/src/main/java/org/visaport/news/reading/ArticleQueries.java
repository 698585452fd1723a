package org.visaport.news.reading;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleStatus;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/** What readers can list and search: published articles only, drafts and embargoed ones never. */
@Component
public class ArticleQueries {

    /** Search ranks at most this many of the newest matching articles; older matches need narrower words or filters. */
    static final int SEARCH_CANDIDATES = 500;
    /** What {@link ArticleSummary} shows (and the list's cursor reads): no body, HTML, terms, corrections or outbox. */
    static final List<String> SUMMARY_FIELDS = List.of("slug", "title", "lede", "dateline", "tags", "regions", "countries",
            "language", "publishedAt");
    /**
     * The summary, what {@link #relevance} ranks by, the status the candidates have, and the version the search's
     * entity tag is made of.
     */
    static final List<String> SEARCH_FIELDS = Stream.concat(SUMMARY_FIELDS.stream(),
            Stream.of("status", "version", "titleTerms", "ledeTerms", "bodyTerms")).toList();
    /** The same without the body's words, for readers who may not see the body. */
    static final List<String> TEASER_SEARCH_FIELDS = SEARCH_FIELDS.stream().filter(field -> !field.equals("bodyTerms")).toList();

    private final MongoTemplate mongo;
    private final Cursors cursors;

    public ArticleQueries(MongoTemplate mongo, Cursors cursors) {
        this.mongo = mongo;
        this.cursors = cursors;
    }

    public Page<Article> newest(ArticleFilter filter) {
        String scope = "articles:newest:" + filter.scope();
        Query query = Keyset.query(new Criteria().andOperator(filters(filter)), "publishedAt", Sort.Direction.DESC,
                cursors.afterPosition(scope, filter.cursor()), filter.pageSize());
        // A list entry is a teaser: reading and mapping whole articles (body, HTML, search terms) cost a third of the
        // list's CPU here and most of the bytes the database sends.
        query.fields().include(SUMMARY_FIELDS.toArray(String[]::new));
        return cursors.page(scope, mongo.find(query, Article.class), filter.pageSize(),
                article -> new KeysetPosition(article.getPublishedAt(), article.getId()), article -> article);
    }

    /**
     * Articles containing every word, best first: a word in the title counts most, then the lede, then the body. The
     * body is members-only, so without {@code fullText} only title, lede and tags are searched, and the body neither
     * matches nor ranks: nobody can probe a members-only text by searching for its words.
     */
    public Page<Article> search(ArticleFilter filter, List<String> terms, boolean fullText) {
        List<Criteria> criteria = filters(filter);
        if (fullText) {
            criteria.add(Criteria.where("searchTerms").all(terms));
        } else {
            for (String term : terms) {
                criteria.add(new Criteria().orOperator(Criteria.where("titleTerms").is(term), Criteria.where("ledeTerms").is(term),
                        Criteria.where("tags").regex("(^|-)" + Pattern.quote(term) + "(-|$)")));
            }
        }
        Query query = Query.query(new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(SEARCH_CANDIDATES);
        // Candidates carry only what ranking and the list entries need: no body, HTML, outbox or all-terms list.
        query.fields().include((fullText ? SEARCH_FIELDS : TEASER_SEARCH_FIELDS).toArray(String[]::new));
        List<Article> ranked = new ArrayList<>(mongo.find(query, Article.class));
        ranked.sort(Comparator.comparingInt((Article a) -> -relevance(a, terms))
                .thenComparing(Article::getPublishedAt, Comparator.reverseOrder()));
        String scope = "articles:search:" + fullText + ":" + String.join(" ", terms) + ":" + filter.scope();
        int offset = cursors.offset(scope, filter.cursor());
        int end = Math.min(ranked.size(), offset + filter.pageSize());
        List<Article> page = offset >= ranked.size() ? List.of() : ranked.subList(offset, end);
        return new Page<>(page, end < ranked.size() ? cursors.offset(scope, end) : null);
    }

    public List<Article> translations(Article article) {
        Query query = Query.query(Criteria.where("translationGroup").is(article.getTranslationGroup())
                .and("status").in(ArticleStatus.PUBLISHED, ArticleStatus.RETRACTED).and("_id").ne(article.getId()))
                // A fixed order: the answer, and so its entity tag, must not change with the order the store returns.
                .with(Sort.by("language", "_id"));
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
