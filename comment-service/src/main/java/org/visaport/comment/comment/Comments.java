package org.visaport.comment.comment;

import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.problem.Problems;

/**
 * Loads and stores comments. A change is applied to the latest version and saved with a version check; when someone
 * else changed the comment meanwhile (a report, a moderator), it is applied again to what they left, so no change is
 * lost and none is applied to a state it was not checked against. The events leave through the relay at once.
 */
@Service
public class Comments {

    private static final int ATTEMPTS = 5;

    private static final int BATCH = 200;

    private final CommentRepository repository;
    private final MongoTemplate mongo;
    private final OutboxRelay outbox;

    public Comments(CommentRepository repository, MongoTemplate mongo, @Qualifier("commentOutboxRelay") OutboxRelay outbox) {
        this.repository = repository;
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public Comment find(String id) {
        return repository.findById(id).orElseThrow(() -> CommentProblems.notFound(id));
    }

    public Comment insert(Comment comment) {
        Comment stored = repository.insert(comment);
        outbox.dispatch(stored.getId());
        return stored;
    }

    /** Applies {@code change} (which throws when the rules forbid it) and stores it; returns what the change returned. */
    public <T> Changed<T> change(String id, Function<Comment, T> change) {
        for (int attempt = 1; ; attempt++) {
            Comment comment = find(id);
            T result = change.apply(comment);
            try {
                Comment stored = repository.save(comment);
                outbox.dispatch(id);
                return new Changed<>(stored, result);
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw Problems.conflict("Comment changed meanwhile",
                            "Comment " + id + " kept changing while this request was applied; try again.");
                }
            }
        }
    }

    /** Applies {@code change} to every comment {@code memberId} wrote, a bounded batch at a time; returns how many changed. */
    public int changeAllBy(String memberId, Function<Comment, Boolean> change) {
        int changed = 0;
        String after = "";
        while (true) {
            Query batch = Query.query(Criteria.where("author.memberId").is(memberId).and("_id").gt(after))
                    .with(Sort.by("_id")).limit(BATCH);
            batch.fields().include("_id");
            List<String> ids = mongo.find(batch, Comment.class).stream().map(Comment::getId).toList();
            if (ids.isEmpty()) {
                return changed;
            }
            for (String id : ids) {
                if (change(id, change).result()) {
                    changed++;
                }
            }
            after = ids.getLast();
        }
    }

    /**
     * Shows a member's new display name on their comments. The name is a copy kept for reading threads without a
     * lookup; the version moves so a concurrent change of one of these comments retries on top of the new name.
     */
    public long renameAuthor(String memberId, String displayName) {
        return mongo.updateMulti(Query.query(Criteria.where("author.memberId").is(memberId).and("anonymised").is(false)),
                new Update().set("author.displayName", Author.shownName(displayName)).inc("version", 1), Comment.class)
                .getModifiedCount();
    }

    /** A deleted member is no longer named as the one answered in others' replies (and their events). */
    public long forgetAnsweredAuthor(String memberId) {
        return mongo.updateMulti(Query.query(Criteria.where("inReplyToAuthorId").is(memberId)),
                new Update().unset("inReplyToAuthorId").inc("version", 1), Comment.class).getModifiedCount();
    }

    public record Changed<T>(Comment comment, T result) {
    }
}
