package org.visaport.comment.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.visaport.comment.article.KnownArticles;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;
import org.visaport.platform.caching.EntityTag;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/**
 * Reading threads. Every query is bounded and served by an index declared on {@link Comment}: a page of top-level
 * comments, up to {@link #REPLIES_SHOWN} replies under each that has any (the rest are paged separately), and one
 * aggregation for the reply counts of the whole page.
 */
@Service
class Threads {

    static final int REPLIES_SHOWN = 50;

    enum Sorting { OLDEST, NEWEST, FEATURED }

    private final MongoTemplate mongo;
    private final Cursors cursors;
    private final KnownArticles articles;

    Threads(MongoTemplate mongo, Cursors cursors, KnownArticles articles) {
        this.mongo = mongo;
        this.cursors = cursors;
        this.articles = articles;
    }

    /**
     * One page of a thread, loaded but not yet shaped into the answer: what it is made of goes into the entity tag
     * first, so a revalidation that matches costs the queries and nothing more.
     */
    ThreadPage thread(String articleId, Sorting sorting, String cursor, int limit) {
        articles.forReading(articleId);
        List<Comment> roots = sorting == Sorting.FEATURED ? featuredFirst(articleId, cursor, limit) : roots(articleId, sorting, cursor, limit);
        List<Comment> shown = roots.size() > limit ? roots.subList(0, limit) : roots;
        ReplyCounts counts = replyCounts(shown.stream().map(Comment::getId).toList());
        Map<String, List<Comment>> replies = new LinkedHashMap<>();
        // Most top-level comments have no reply: only those with one in place cost a query of their own.
        shown.forEach(root -> replies.put(root.getId(), counts.withRepliesInPlace().contains(root.getId()) ? firstReplies(root) : List.of()));
        String next = roots.size() > limit ? nextCursor(articleId, sorting, shown.getLast()) : null;
        return new ThreadPage(shown, counts.visible(), replies, next);
    }

    /** A page of the thread as loaded: the top-level comments, their visible-reply counts and up to 51 replies each. */
    record ThreadPage(List<Comment> roots, Map<String, Integer> replyCounts, Map<String, List<Comment>> replies,
                      String nextCursor) {

        /** Every comment shown (id and version: an edit, a decision, a new name all move it), the counts, the cursor. */
        EntityTag addTo(EntityTag tag) {
            for (Comment root : roots) {
                tag.with(root.getId(), root.getVersion()).with(replyCounts.getOrDefault(root.getId(), 0));
                replies.get(root.getId()).forEach(reply -> tag.with(reply.getId(), reply.getVersion()));
                tag.with("#");
            }
            return tag.with(nextCursor);
        }

        Page<ThreadComment> toPage() {
            return new Page<>(roots.stream().map(root -> withReplies(root, replyCounts.getOrDefault(root.getId(), 0),
                    replies.get(root.getId()))).toList(), nextCursor);
        }
    }

    /** Up to {@link #REPLIES_SHOWN} replies under a top-level comment, and one more to tell that there are more. */
    List<Comment> replyRows(Comment root, String cursor, int limit) {
        KeysetPosition after = cursor == null ? null : cursors.afterPosition(repliesScope(root), cursor);
        return mongo.find(Keyset.query(Criteria.where("rootId").is(root.getId()).and("placed").is(true)
                .and("depth").gt(1), "postedAt", Sort.Direction.ASC, after, limit), Comment.class);
    }

    Page<ThreadComment> replies(Comment root, List<Comment> rows, int limit) {
        return cursors.page(repliesScope(root), rows, limit, reply -> new KeysetPosition(reply.getPostedAt(), reply.getId()),
                reply -> ThreadComment.of(reply, 0, List.of(), false));
    }

    private static String repliesScope(Comment root) {
        return "replies:" + root.getId();
    }

    Map<String, Long> counts(Collection<String> articleIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        articleIds.forEach(id -> counts.put(id, 0L));
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("articleId").in(articleIds).and("state").is(CommentState.VISIBLE)),
                Aggregation.group("articleId").count().as("n"));
        mongo.aggregate(aggregation, Comment.class, Document.class).forEach(row ->
                counts.put(row.getString("_id"), ((Number) row.get("n")).longValue()));
        return counts;
    }

    private List<Comment> roots(String articleId, Sorting sorting, String cursor, int limit) {
        KeysetPosition after = cursor == null ? null : cursors.afterPosition(scope(articleId, sorting), cursor);
        return mongo.find(Keyset.query(topLevel(articleId), "postedAt",
                sorting == Sorting.OLDEST ? Sort.Direction.ASC : Sort.Direction.DESC, after, limit), Comment.class);
    }

    /** Featured comments, most recently featured first, then all others newest first; the cursor knows which part. */
    private List<Comment> featuredFirst(String articleId, String cursor, int limit) {
        String scope = scope(articleId, Sorting.FEATURED);
        List<String> position = cursor == null ? null : cursors.decode(scope, cursor, 3);
        boolean inFeatured = position == null || position.get(0).equals("featured");
        KeysetPosition after = position == null ? null
                : new KeysetPosition(Instant.parse(position.get(1)), position.get(2));
        List<Comment> rows = new ArrayList<>();
        if (inFeatured) {
            rows.addAll(mongo.find(Keyset.query(topLevel(articleId).and("featured").is(true), "featuredAt",
                    Sort.Direction.DESC, after, limit), Comment.class));
            after = null;
        }
        if (rows.size() <= limit) {
            rows.addAll(mongo.find(Keyset.query(topLevel(articleId).and("featured").is(false), "postedAt",
                    Sort.Direction.DESC, after, limit - rows.size()), Comment.class));
        }
        return rows;
    }

    private String nextCursor(String articleId, Sorting sorting, Comment last) {
        if (sorting != Sorting.FEATURED) {
            return cursors.after(scope(articleId, sorting), new KeysetPosition(last.getPostedAt(), last.getId()));
        }
        return last.isFeatured()
                ? cursors.encode(scope(articleId, sorting), "featured", last.getFeaturedAt().toString(), last.getId())
                : cursors.encode(scope(articleId, sorting), "others", last.getPostedAt().toString(), last.getId());
    }

    private List<Comment> firstReplies(Comment root) {
        return mongo.find(Query.query(Criteria.where("rootId").is(root.getId()).and("placed").is(true)
                .and("depth").gt(1)).with(Sort.by("postedAt", "_id")).limit(REPLIES_SHOWN + 1), Comment.class);
    }

    private static ThreadComment withReplies(Comment root, int replyCount, List<Comment> replies) {
        boolean more = replies.size() > REPLIES_SHOWN;
        List<Comment> shown = more ? replies.subList(0, REPLIES_SHOWN) : replies;
        Map<String, List<Comment>> children = new HashMap<>();
        shown.forEach(reply -> children.computeIfAbsent(reply.getParentId(), id -> new ArrayList<>()).add(reply));
        return ThreadComment.of(root, replyCount, tree(root.getId(), children), more);
    }

    private static List<ThreadComment> tree(String parentId, Map<String, List<Comment>> children) {
        return children.getOrDefault(parentId, List.of()).stream().map(reply -> {
            List<ThreadComment> below = tree(reply.getId(), children);
            int visibleBelow = (int) below.stream().filter(child -> child.status().equals("visible")).count();
            return ThreadComment.of(reply, visibleBelow, below, false);
        }).toList();
    }

    /**
     * Per top-level comment with any: its visible replies; and the top-level comments with replies in place (visible,
     * or shown as removed), the only ones whose replies are read.
     */
    private record ReplyCounts(Map<String, Integer> visible, Set<String> withRepliesInPlace) {
    }

    private ReplyCounts replyCounts(List<String> rootIds) {
        ReplyCounts counts = new ReplyCounts(new HashMap<>(), new HashSet<>());
        if (rootIds.isEmpty()) {
            return counts;
        }
        // A visible comment is always in place, so one pass over the replies in place finds both.
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("rootId").in(rootIds).and("placed").is(true).and("depth").gt(1)),
                Aggregation.group("rootId")
                        .sum(ConditionalOperators.when(ComparisonOperators.valueOf("state").equalToValue(CommentState.VISIBLE.name()))
                                .then(1).otherwise(0)).as("visible"));
        mongo.aggregate(aggregation, Comment.class, Document.class).forEach(row -> {
            int visible = ((Number) row.get("visible")).intValue();
            if (visible > 0) {
                counts.visible().put(row.getString("_id"), visible);
            }
            counts.withRepliesInPlace().add(row.getString("_id"));
        });
        return counts;
    }

    private static Criteria topLevel(String articleId) {
        return Criteria.where("articleId").is(articleId).and("depth").is(1).and("placed").is(true);
    }

    private static String scope(String articleId, Sorting sorting) {
        return "thread:" + articleId + ":" + sorting.name();
    }
}
