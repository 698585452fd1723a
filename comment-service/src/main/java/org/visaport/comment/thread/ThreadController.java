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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.comment.caller.Caller;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentProblems;
import org.visaport.comment.comment.Comments;
import org.visaport.platform.caching.ConditionalGet;
import org.visaport.platform.caching.EntityTag;
import org.visaport.platform.caching.Sharing;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/**
 * Reading: threads are public (as on the article page); a member's own comments only to that member. A thread, its
 * replies and the counts are the same for every reader (a comment waiting for moderation shows to nobody, its author
 * included, as "under-review" or not at all), so asked without a token they are {@code public, max-age=30}; one
 * comment is its author's own view for its author, so it is {@code private, no-cache} for everyone, as is anything
 * asked with a token (see {@link Sharing}). Each carries an {@code ETag} made from the comments shown (id and version),
 * the counts and the query, checked before the answer is shaped; a conditional GET with the current tag is a 304.
 */
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
    public ResponseEntity<Page<ThreadComment>> thread(@PathVariable @Pattern(regexp = CommentRequests.ID) String articleId,
                                                      @RequestParam(defaultValue = "oldest") @Pattern(regexp = "oldest|newest|featured") String sort,
                                                      @RequestParam(required = false) @Size(max = 200) String cursor,
                                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                                      Authentication caller,
                                                      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Threads.ThreadPage page = threads.thread(articleId, Threads.Sorting.valueOf(sort.toUpperCase(Locale.ROOT)), cursor, limit);
        EntityTag tag = page.addTo(EntityTag.of("comments.thread/1").with(articleId).with(sort).with(cursor).with(limit));
        return ConditionalGet.answer(ifNoneMatch, tag, Sharing.of(true, caller != null), page::toPage);
    }

    @GetMapping("/comments/{id}")
    @Operation(summary = "One comment: as in the thread for everyone, with its state and reasons for its author")
    public ResponseEntity<Object> comment(@PathVariable @Pattern(regexp = CommentRequests.ID) String id, Authentication caller,
                                          @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Comment comment = comments.find(id);
        EntityTag tag = EntityTag.of("comments.comment/1").with(comment.getId(), comment.getVersion());
        if (caller instanceof JwtAuthenticationToken token && comment.isAuthoredBy(Caller.of(token).memberId())) {
            return ConditionalGet.answer(ifNoneMatch, tag.with("author's own").with(posting.editWindow()), Sharing.PRIVATE,
                    () -> OwnComment.of(comment, posting.editWindow()));
        }
        if (!comment.isPlaced()) {
            throw CommentProblems.notFound(id);
        }
        return ConditionalGet.answer(ifNoneMatch, tag.with("as in the thread"), Sharing.of(false, caller != null),
                () -> ThreadComment.of(comment, 0, List.of(), false));
    }

    @GetMapping("/comments/{id}/replies")
    @Operation(summary = "All replies under a top-level comment, oldest first, for threads longer than the first page shows")
    public ResponseEntity<Page<ThreadComment>> replies(@PathVariable @Pattern(regexp = CommentRequests.ID) String id,
                                                       @RequestParam(required = false) @Size(max = 200) String cursor,
                                                       @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
                                                       Authentication caller,
                                                       @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Comment root = comments.find(id);
        if (!root.isPlaced() || root.getDepth() != 1) {
            throw CommentProblems.notFound(id);
        }
        List<Comment> rows = threads.replyRows(root, cursor, limit);
        // The rows include the one past the page, which decides whether there is a next cursor.
        EntityTag tag = EntityTag.of("comments.replies/1").with(id).with(cursor).with(limit);
        rows.forEach(reply -> tag.with(reply.getId(), reply.getVersion()));
        return ConditionalGet.answer(ifNoneMatch, tag, Sharing.of(true, caller != null), () -> threads.replies(root, rows, limit));
    }

    @GetMapping("/counts")
    @Operation(summary = "Visible comments per article, for up to 100 articles in one call")
    public ResponseEntity<Map<String, Long>> counts(@RequestParam @NotEmpty @Size(max = 100)
                                                    List<@Pattern(regexp = CommentRequests.ID) String> articleIds,
                                                    Authentication caller,
                                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Map<String, Long> counts = threads.counts(articleIds.stream().distinct().toList());
        EntityTag tag = EntityTag.of("comments.counts/1");
        counts.forEach(tag::with);
        return ConditionalGet.answer(ifNoneMatch, tag, Sharing.of(true, caller != null), () -> counts);
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
