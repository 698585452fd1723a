package org.visaport.news.editorial;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
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

/**
 * The newsroom's own list: articles in any state, drafts and embargoed ones included. Each entry is read without its
 * text, HTML, search words or waiting events: a page of 100 full bodies would weigh megabytes, and the list shows
 * none of it.
 */
@Component
class NewsroomQueries {

    private static final String[] LIST_FIELDS = {"slug", "status", "version", "title", "lede", "dateline", "language",
            "publishAt", "publishedAt", "retraction", "updatedAt"};

    private final MongoTemplate mongo;
    private final Cursors cursors;

    NewsroomQueries(MongoTemplate mongo, Cursors cursors) {
        this.mongo = mongo;
        this.cursors = cursors;
    }

    /** Articles in {@code states} (every state when empty), in the order that suits them; see {@link Order#of}. */
    Page<Article> list(Set<ArticleStatus> states, String cursor, int limit) {
        Set<ArticleStatus> asked = states.isEmpty() ? EnumSet.allOf(ArticleStatus.class) : EnumSet.copyOf(states);
        Order order = Order.of(asked);
        // An EnumSet prints in declaration order, so state=SCHEDULED&state=DRAFT shares cursors with the reverse.
        String scope = "newsroom:" + asked;
        // Every state is named even when all are asked for, so one index on (status, sort key, _id) serves each list.
        Query query = Keyset.query(Criteria.where("status").in(asked), order.field, order.direction,
                cursors.afterPosition(scope, cursor), limit);
        query.fields().include(LIST_FIELDS);
        return cursors.page(scope, mongo.find(query, Article.class), limit,
                article -> new KeysetPosition(order.key.apply(article), article.getId()), article -> article);
    }

    /** The moment a list is sorted by; the indexes in {@link Article} follow these three. */
    enum Order {
        /** Embargoes in the order they lift: the desk watches what goes out next. */
        NEXT_TO_GO_OUT("publishAt", Sort.Direction.ASC, Article::getPublishAt),
        /** As readers see them: a correction does not move a briefing up. */
        NEWEST_PUBLISHED("publishedAt", Sort.Direction.DESC, Article::getPublishedAt),
        /** Drafts, retracted articles and lists of several states: the one touched last on top. */
        NEWEST_CHANGE("updatedAt", Sort.Direction.DESC, Article::getUpdatedAt);

        private final String field;
        private final Sort.Direction direction;
        private final Function<Article, Instant> key;

        Order(String field, Sort.Direction direction, Function<Article, Instant> key) {
            this.field = field;
            this.direction = direction;
            this.key = key;
        }

        /** A state's own order for a list of one state; several states only share the time every article has. */
        static Order of(Set<ArticleStatus> states) {
            if (states.size() != 1) {
                return NEWEST_CHANGE;
            }
            return switch (states.iterator().next()) {
                case SCHEDULED -> NEXT_TO_GO_OUT;
                case PUBLISHED -> NEWEST_PUBLISHED;
                case DRAFT, RETRACTED -> NEWEST_CHANGE;
            };
        }
    }
}
