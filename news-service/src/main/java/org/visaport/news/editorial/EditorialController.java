package org.visaport.news.editorial;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleService;
import org.visaport.news.article.ArticleStatus;
import org.visaport.news.article.Author;
import org.visaport.platform.idempotency.IdempotencyKeys;
import org.visaport.platform.paging.Page;
import org.visaport.platform.problem.Problems;
import org.visaport.platform.validation.IdempotencyKey;
import tools.jackson.databind.json.JsonMapper;

/** The newsroom: editors and admins write, schedule, publish, retract and correct articles. */
@RestController
@RequestMapping("/api/admin/news/articles")
@PreAuthorize("hasAnyRole('editor', 'admin')")
public class EditorialController {

    private final ArticleService articles;
    private final NewsroomQueries newsroom;
    private final IdempotencyKeys idempotencyKeys;
    private final JsonMapper json;

    public EditorialController(ArticleService articles, NewsroomQueries newsroom, IdempotencyKeys idempotencyKeys,
                               JsonMapper json) {
        this.articles = articles;
        this.newsroom = newsroom;
        this.idempotencyKeys = idempotencyKeys;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The newsroom's articles in the states asked for (repeat state; none: all), paged (limit ≤ 100). "
            + "Scheduled alone: the next to go out first; published alone: newest first; else the newest change first")
    public Page<EditorArticleSummary> list(
            @RequestParam(name = "state", required = false)
            List<@Pattern(regexp = "DRAFT|SCHEDULED|PUBLISHED|RETRACTED", message = "must be DRAFT, SCHEDULED, PUBLISHED or RETRACTED") String> states,
            @RequestParam(required = false) @Size(max = 200) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        // The states come as text checked by the pattern, not bound to the enum: a wrong one is then a field error that
        // names the states, where a failed conversion could only say "must be a valid List".
        Set<ArticleStatus> asked = EnumSet.noneOf(ArticleStatus.class);
        if (states != null) {
            states.forEach(state -> asked.add(ArticleStatus.valueOf(state)));
        }
        return newsroom.list(asked, cursor, limit).map(EditorArticleSummary::of);
    }

    @PostMapping
    @Operation(summary = "Create a draft; a retry with the same Idempotency-Key returns the first result (200), "
            + "the same key with another article is a 422")
    public ResponseEntity<EditorArticleView> create(@Valid @RequestBody ArticleRequest request,
                                                    @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
                                                    @AuthenticationPrincipal Jwt editor) {
        AtomicReference<Article> made = new AtomicReference<>();
        var outcome = idempotencyKeys.once("article-create:" + editor.getSubject(), idempotencyKey,
                () -> IdempotencyKeys.fingerprint(json.writeValueAsString(request)),
                () -> made.updateAndGet(none -> articles.createDraft(ArticleService.newId(), request.content(), author(editor),
                        request.translationOf())).getId());
        return outcome.firstTime() ? ResponseEntity.status(HttpStatus.CREATED).body(EditorArticleView.of(made.get()))
                : ResponseEntity.ok(EditorArticleView.of(articles.find(outcome.result())));
    }


    @GetMapping("/{id}")
    @Operation(summary = "An article in any state, with its version")
    public EditorArticleView get(@PathVariable String id) {
        return EditorArticleView.of(articles.find(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an article; 409 when it changed since the version sent")
    public EditorArticleView update(@PathVariable String id, @Valid @RequestBody ArticleRequest request) {
        if (request.version() == null) {
            throw Problems.invalidField("version", "must be the version the edit is based on");
        }
        return EditorArticleView.of(articles.update(id, request.version(), request.content()));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish now")
    public EditorArticleView publish(@PathVariable String id, @Valid @RequestBody ArticleActions.Publish request) {
        return EditorArticleView.of(articles.publishNow(id, request.version()));
    }

    @PostMapping("/{id}/schedule")
    @Operation(summary = "Publish at a time (embargo); a time in the past publishes now")
    public EditorArticleView schedule(@PathVariable String id, @Valid @RequestBody ArticleActions.Schedule request) {
        return EditorArticleView.of(articles.schedule(id, request.version(), request.publishAt()));
    }

    @PostMapping("/{id}/retract")
    @Operation(summary = "Withdraw a published article; readers see the reason instead of the text")
    public EditorArticleView retract(@PathVariable String id, @Valid @RequestBody ArticleActions.Retract request) {
        return EditorArticleView.of(articles.retract(id, request.version(), request.reason().strip()));
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Add a visible correction note to a published article")
    public EditorArticleView correct(@PathVariable String id, @Valid @RequestBody ArticleActions.Correct request) {
        return EditorArticleView.of(articles.correct(id, request.version(), request.note().strip()));
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Turn comments on or off")
    public EditorArticleView comments(@PathVariable String id, @Valid @RequestBody ArticleActions.Comments request) {
        return EditorArticleView.of(articles.enableComments(id, request.version(), request.enabled()));
    }

    /**
     * The byline: the editor's name (which members cannot change in Keycloak). Never {@code preferred_username}, which
     * is the e-mail address in this realm and would be published with the article.
     */
    private static Author author(Jwt editor) {
        String name = editor.getClaimAsString("name");
        return new Author(editor.getSubject(), name == null || name.isBlank() ? "VisaPort newsroom" : name);
    }
}
