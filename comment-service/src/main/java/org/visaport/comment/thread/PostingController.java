package org.visaport.comment.thread;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.comment.caller.Caller;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;
import org.visaport.comment.comment.Comments;
import org.visaport.comment.thread.CommentRequests.Edit;
import org.visaport.comment.thread.CommentRequests.NewComment;
import org.visaport.comment.thread.CommentRequests.NewReport;
import org.visaport.comment.thread.CommentRequests.ReportReceipt;
import org.visaport.platform.idempotency.IdempotencyKeys;
import org.visaport.platform.validation.IdempotencyKey;

/** Members write: comments, replies, edits, reports (applicants and readers get 403); authors delete their own. */
@RestController
@RequestMapping("/api/comments")
public class PostingController {

    private final Posting posting;
    private final Comments comments;
    private final IdempotencyKeys idempotencyKeys;

    PostingController(Posting posting, Comments comments, IdempotencyKeys idempotencyKeys) {
        this.posting = posting;
        this.comments = comments;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping("/articles/{articleId}/comments")
    @PreAuthorize("hasRole('member')")
    @Operation(summary = "Post a comment or a reply; the answer says whether it shows now or waits, and why. "
            + "A retry with the same Idempotency-Key returns the first result (200)")
    public ResponseEntity<PostResult> post(@PathVariable @Pattern(regexp = CommentRequests.ID) String articleId,
                                           @Valid @RequestBody NewComment request,
                                           @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                                           JwtAuthenticationToken token) {
        Caller caller = Caller.of(token);
        AtomicReference<Comment> posted = new AtomicReference<>();
        var outcome = idempotencyKeys.once("comment-post:" + caller.memberId(), idempotencyKey,
                () -> IdempotencyKeys.fingerprint(articleId, String.valueOf(request.parentId()), request.text()),
                () -> posted.updateAndGet(none -> posting.post(articleId, request.parentId(), request.text(), caller)).getId());
        Comment comment = outcome.firstTime() ? posted.get() : comments.find(outcome.result());
        PostResult result = new PostResult(comment.getState() == CommentState.VISIBLE, OwnComment.of(comment, posting.editWindow()));
        return outcome.firstTime()
                ? ResponseEntity.created(URI.create("/api/comments/comments/" + comment.getId())).body(result)
                : ResponseEntity.ok(result);
    }

    @PatchMapping("/comments/{id}")
    @PreAuthorize("hasRole('member')")
    @Operation(summary = "Change the wording within the edit window; the new text is checked like a new comment")
    public OwnComment edit(@PathVariable @Pattern(regexp = CommentRequests.ID) String id, @Valid @RequestBody Edit request,
                           JwtAuthenticationToken token) {
        return OwnComment.of(posting.edit(id, request.text(), Caller.of(token)), posting.editWindow());
    }

    @DeleteMapping("/comments/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Delete an own comment, also after the membership ended; its replies stay, under a \"removed\" placeholder")
    public ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = CommentRequests.ID) String id, JwtAuthenticationToken token) {
        posting.delete(id, Caller.of(token));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/comments/{id}/reports")
    @PreAuthorize("hasRole('member')")
    @Operation(summary = "Report a comment to the moderators, once per member; enough reports send it back to the queue")
    public ResponseEntity<ReportReceipt> report(@PathVariable @Pattern(regexp = CommentRequests.ID) String id,
                                                @Valid @RequestBody NewReport request, JwtAuthenticationToken token) {
        posting.report(id, request.reason(), request.note(), Caller.of(token));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReportReceipt(id, request.reason().wire()));
    }
}
