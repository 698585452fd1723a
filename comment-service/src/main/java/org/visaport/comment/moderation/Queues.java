package org.visaport.comment.moderation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.visaport.comment.article.KnownArticle;
import org.visaport.comment.article.KnownArticles;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/** The moderators' queues, each oldest first: what waits longest is seen first. */
@Service
class Queues {

    enum Queue {
        PENDING("queuedAt", Criteria.where("state").is(CommentState.PENDING), Comment::getQueuedAt),
        REPORTED("reportedAt", Criteria.where("reported").is(true), Comment::getReportedAt),
        REJECTED("decidedAt", Criteria.where("state").is(CommentState.REJECTED), Comment::getDecidedAt);

        private final String field;
        private final Criteria filter;
        private final Function<Comment, java.time.Instant> position;

        Queue(String field, Criteria filter, Function<Comment, java.time.Instant> position) {
            this.field = field;
            this.filter = filter;
            this.position = position;
        }
    }

    private final MongoTemplate mongo;
    private final Cursors cursors;
    private final KnownArticles articles;

    Queues(MongoTemplate mongo, Cursors cursors, KnownArticles articles) {
        this.mongo = mongo;
        this.cursors = cursors;
        this.articles = articles;
    }

    Page<QueueItem> page(Queue queue, String cursor, int limit) {
        String scope = "moderation-queue:" + queue.name();
        KeysetPosition after = cursor == null ? null : cursors.afterPosition(scope, cursor);
        List<Comment> rows = mongo.find(Keyset.query(queue.filter, queue.field, Sort.Direction.ASC, after, limit), Comment.class);
        Map<String, KnownArticle> known = articlesOf(rows);
        return cursors.page(scope, rows, limit, comment -> new KeysetPosition(queue.position.apply(comment), comment.getId()),
                comment -> QueueItem.of(comment, known.get(comment.getArticleId())));
    }

    QueueItem item(Comment comment) {
        return QueueItem.of(comment, articlesOf(List.of(comment)).get(comment.getArticleId()));
    }

    private Map<String, KnownArticle> articlesOf(List<Comment> comments) {
        return articles.all(comments.stream().map(Comment::getArticleId).distinct().toList()).stream()
                .collect(Collectors.toMap(KnownArticle::id, Function.identity(), (a, b) -> a));
    }
}
