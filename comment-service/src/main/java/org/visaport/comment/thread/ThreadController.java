package org.visaport.comment.thread;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.comment.caller.Caller;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentProblems;
import org.visaport.comment.comment.Comments;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/** Reading: threads are public (as on the article page); a member's own comments only to that member. */
@RestController
@RequestMapping("/api/comments")
public class ThreadController {

    private final Threads threads;
    private final Comments comments;
    private final Posting posting;
    private final MongoTemplate mongo;
    private final Cursors cursors;

    ThreadController(Threads threads, Comments comments, Posting posting, MongoTemplate mongo, Cursors cursors) {
        this.threads = threads;
        this.comments = comments;
        this.posting = posting;
        this.mongo = mongo;
        this.cursors = cursors;
    }

    @GetMapping("/articles/{articleId}/comments")
    @Operation(summary = "The visible thread of a published article: top-level comments with their replies")
    public Page<ThreadComment> thread(@PathVariable @Pattern(regexp = CommentRequests.ID) String articleId,
                                      @RequestParam(defaultValue = "oldest") @Pattern(regexp = "oldest|newest|featured") String sort,
                                      @RequestParam(required = false) @Size(max = 200) String cursor,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return threads.thread(articleId, Threads.Sorting.valueOf(sort.toUpperCase(Locale.ROOT)), cursor, limit);
    }

    @GetMapping("/comments/{id}")
    @Operation(summary = "One comment: as in the thread for everyone, with its state and reasons for its author")
    public Object comment(@PathVariable @Pattern(regexp = CommentRequests.ID) String id, Authentication caller) {
        Comment comment = comments.find(id);
        if (caller instanceof JwtAuthenticationToken token && comment.isAuthoredBy(Caller.of(token).memberId())) {
            return OwnComment.of(comment, posting.editWindow());
        }
        if (!comment.isPlaced()) {
            throw CommentProblems.notFound(id);
        }
        return ThreadComment.of(comment, 0, List.of(), false);
    }

    @GetMapping("/comments/{id}/replies")
    @Operation(summary = "All replies under a top-level comment, oldest first, for threads longer than the first page shows")
    public Page<ThreadComment> replies(@PathVariable @Pattern(regexp = CommentRequests.ID) String id,
                                       @RequestParam(required = false) @Size(max = 200) String cursor,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        Comment root = comments.find(id);
        if (!root.isPlaced() || root.getDepth() != 1) {
            throw CommentProblems.notFound(id);
        }
        return threads.replies(root, cursor, limit);
    }

    @GetMapping("/counts")
    @Operation(summary = "Visible comments per article, for up to 100 articles in one call")
    public Map<String, Long> counts(@RequestParam @NotEmpty @Size(max = 100)
                                    List<@Pattern(regexp = CommentRequests.ID) String> articleIds) {
        return threads.counts(articleIds.stream().distinct().toList());
    }

    @GetMapping("/me/comments")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's own comments, newest first, each with its state and, if rejected, the reason")
    public Page<OwnComment> mine(@RequestParam(required = false) @Size(max = 200) String cursor,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                 JwtAuthenticationToken caller) {
        String memberId = Caller.of(caller).memberId();
        String scope = "own:" + memberId;
        KeysetPosition after = cursor == null ? null : cursors.afterPosition(scope, cursor);
        List<Comment> rows = mongo.find(Keyset.query(Criteria.where("author.memberId").is(memberId), "postedAt",
                Sort.Direction.DESC, after, limit), Comment.class);
        return cursors.page(scope, rows, limit, c -> new KeysetPosition(c.getPostedAt(), c.getId()),
                c -> OwnComment.of(c, posting.editWindow()));
    }

}
