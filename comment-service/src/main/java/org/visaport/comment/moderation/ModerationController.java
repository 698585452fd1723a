package org.visaport.comment.moderation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.comment.audit.AuditEntry;
import org.visaport.comment.audit.AuditLog;
import org.visaport.comment.comment.Comments;
import org.visaport.comment.moderation.ModerationRequests.ArticlePolicyRequest;
import org.visaport.comment.moderation.ModerationRequests.BulkDecisionRequest;
import org.visaport.comment.moderation.ModerationRequests.BulkResult;
import org.visaport.comment.moderation.ModerationRequests.BulkResults;
import org.visaport.comment.moderation.ModerationRequests.DecisionRequest;
import org.visaport.comment.moderation.ModerationRequests.SettingsRequest;
import org.visaport.comment.moderation.ModerationRequests.SuspensionRequest;
import org.visaport.comment.moderation.ModerationRequests.WatchRequest;
import org.visaport.comment.moderation.ModerationRequests.Words;
import org.visaport.comment.moderation.ModerationRequests.WordsRequest;
import org.visaport.platform.paging.Page;


/** Moderators' and admins' side of comments: queues, decisions, settings, member controls and the audit trail. */
@RestController
@RequestMapping("/api/admin/comments")
@PreAuthorize("hasAnyRole('moderator', 'admin')")
public class ModerationController {

    private final Queues queues;
    private final Decisions decisions;
    private final Comments comments;
    private final Settings settings;
    private final SettingsChanges changes;
    private final AuditLog audit;

    ModerationController(Queues queues, Decisions decisions, Comments comments, Settings settings, SettingsChanges changes,
                         AuditLog audit) {
        this.queues = queues;
        this.decisions = decisions;
        this.comments = comments;
        this.settings = settings;
        this.changes = changes;
        this.audit = audit;
    }

    @GetMapping("/queue")
    @Operation(summary = "A queue (pending, reported or rejected), oldest first, with what held each comment and why")
    public Page<QueueItem> queue(@RequestParam(defaultValue = "pending") @Pattern(regexp = "pending|reported|rejected") String queue,
                                 @RequestParam(required = false) @Size(max = 200) String cursor,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queues.page(Queues.Queue.valueOf(queue.toUpperCase(Locale.ROOT)), cursor, limit);
    }

    @GetMapping("/comments/{id}")
    public QueueItem comment(@PathVariable @Pattern(regexp = ModerationRequests.ID) String id) {
        return queues.item(comments.find(id));
    }

    @PostMapping("/comments/{id}/decisions")
    @Operation(summary = "Approve, reject (reason required, shown to the author), delete, restore, feature or unfeature")
    public QueueItem decide(@PathVariable @Pattern(regexp = ModerationRequests.ID) String id,
                            @Valid @RequestBody DecisionRequest request, JwtAuthenticationToken moderator) {
        return queues.item(decisions.decide(id, request.action(), request.reason(), moderator.getName()));
    }

    @PostMapping("/decisions")
    @Operation(summary = "The same decision for up to 100 comments; each result is reported, one failure stops none")
    public BulkResults decideAll(@Valid @RequestBody BulkDecisionRequest request, JwtAuthenticationToken moderator) {
        List<BulkResult> results = new ArrayList<>();
        for (String id : request.ids().stream().distinct().toList()) {
            try {
                var decided = decisions.decide(id, request.action(), request.reason(), moderator.getName());
                results.add(new BulkResult(id, 200, decided.getState().name().toLowerCase(Locale.ROOT), null));
            } catch (ErrorResponseException refused) {
                results.add(new BulkResult(id, refused.getStatusCode().value(), null, refused.getBody().getDetail()));
            }
        }
        return new BulkResults(results);
    }

    @GetMapping("/settings")
    public SiteSettings settings() {
        return settings.site();
    }

    @PutMapping("/settings")
    @Operation(summary = "Change policy, thresholds, limits and scheduled pre-moderation; applies to the next comment")
    public SiteSettings changeSettings(@Valid @RequestBody SettingsRequest request, JwtAuthenticationToken moderator) {
        return changes.changeSite(request.settings(), moderator.getName());
    }

    @GetMapping("/word-lists/{list}")
    public Words words(@PathVariable @Pattern(regexp = "banned|suspect") String list) {
        WordList which = WordList.valueOf(list.toUpperCase(Locale.ROOT));
        return new Words(which.wire(), settings.site().words(which));
    }

    @PutMapping("/word-lists/{list}")
    @Operation(summary = "Replace the banned or suspect words; applies to the next comment on every instance")
    public Words changeWords(@PathVariable @Pattern(regexp = "banned|suspect") String list,
                             @Valid @RequestBody WordsRequest request, JwtAuthenticationToken moderator) {
        WordList which = WordList.valueOf(list.toUpperCase(Locale.ROOT));
        return new Words(which.wire(), changes.changeWords(which, request.words(), moderator.getName()));
    }

    @PutMapping("/articles/{articleId}/policy")
    @Operation(summary = "Pre- or post-moderate one article; a null policy returns it to the site's")
    public ArticlePolicyRequest articlePolicy(@PathVariable @Pattern(regexp = ModerationRequests.ID) String articleId,
                                              @RequestBody ArticlePolicyRequest request, JwtAuthenticationToken moderator) {
        changes.changeArticlePolicy(articleId, request.policy(), moderator.getName());
        return request;
    }

    @GetMapping("/members/{memberId}")
    public MemberControls member(@PathVariable @Pattern(regexp = ModerationRequests.ID) String memberId) {
        return settings.member(memberId);
    }

    @PutMapping("/members/{memberId}/watch")
    @Operation(summary = "Always pre-moderate this member's comments, or stop doing so")
    public MemberControls watch(@PathVariable @Pattern(regexp = ModerationRequests.ID) String memberId,
                                @Valid @RequestBody WatchRequest request, JwtAuthenticationToken moderator) {
        return changes.watch(memberId, request.alwaysPreModerate(), request.reason(), moderator.getName());
    }

    @PutMapping("/members/{memberId}/suspension")
    @Operation(summary = "Suspend this member's right to comment until a time")
    public MemberControls suspend(@PathVariable @Pattern(regexp = ModerationRequests.ID) String memberId,
                                  @Valid @RequestBody SuspensionRequest request, JwtAuthenticationToken moderator) {
        return changes.suspend(memberId, request.until(), request.reason(), moderator.getName());
    }

    @DeleteMapping("/members/{memberId}/suspension")
    public MemberControls lift(@PathVariable @Pattern(regexp = ModerationRequests.ID) String memberId,
                               JwtAuthenticationToken moderator) {
        return changes.lift(memberId, moderator.getName());
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Every moderation decision and settings change, newest first; admins only, nobody edits it")
    public Page<AuditEntry> audit(@RequestParam(required = false) @Size(max = 100) String target,
                                  @RequestParam(required = false) @Size(max = 200) String cursor,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return audit.page(target, cursor, limit);
    }

}
