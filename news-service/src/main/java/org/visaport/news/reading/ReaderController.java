package org.visaport.news.reading;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleProblems;
import org.visaport.news.article.ArticleRepository;
import org.visaport.news.article.ArticleService;
import org.visaport.news.search.SearchTerms;
import org.visaport.platform.caching.ChangeStamps;
import org.visaport.platform.caching.ConditionalGet;
import org.visaport.platform.caching.EntityTag;
import org.visaport.platform.caching.Sharing;
import org.visaport.platform.paging.Page;
import org.visaport.platform.problem.Problems;
import org.visaport.platform.validation.Constraints;

/**
 * The news as readers get it: open to everyone, full text for members. Every answer carries an {@code ETag} made from
 * the query, whether the caller gets teasers or the full text, and what it shows: one article's version, a search's
 * articles (id and version), or for the newest articles the readers' list stamp, which every change of an article
 * replaces, so revalidating the list reads no article at all. A conditional GET with the current tag is a 304 before
 * anything is mapped or serialised. The list without search
 * words is the same for everyone, so asked anonymously it is {@code public, max-age=30}; one article (teaser or full
 * text by who asks) and a search (members search the full text) are {@code private, no-cache} for everyone, as is
 * anything asked with a token (see {@link Sharing}).
 */
@RestController
@RequestMapping("/api/news/articles")
public class ReaderController {

    private final ArticleQueries queries;
    private final ArticleRepository articles;
    private final ChangeStamps stamps;
    private final Validator validator;

    public ReaderController(ArticleQueries queries, ArticleRepository articles, ChangeStamps stamps, Validator validator) {
        this.queries = queries;
        this.articles = articles;
        this.stamps = stamps;
        this.validator = validator;
    }

    @GetMapping
    @Operation(summary = "Published articles, newest first, or by relevance when q is given (members search the full text, "
            + "everyone else title, lede and tags); filtered and paged (limit ≤ 100)")
    public ResponseEntity<Page<ArticleSummary>> list(
            @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String region, @RequestParam(required = false) String country,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
            Authentication caller, @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        // Parameters, not a bound ArticleFilter: Spring MVC binds a record through its constructor and, on every request,
        // reads each parameter's annotations anew (the JDK parses them from the class file on each call), which cost
        // about a quarter of this list's CPU (docs/benchmarks.md). The record's own rules still decide what is valid.
        ArticleFilter filter = Constraints.enforce(validator,
                new ArticleFilter(q, tag, region, country, language, from, to, cursor, limit));
        if (filter.q() == null || filter.q().isBlank()) {
            // The newest articles are the same for every reader: the list's stamp, taken before the query, validates
            // them without reading one (see ChangeStamps).
            EntityTag etag = EntityTag.of("news.articles/2").with("teasers").with(stamps.current(ArticleService.READERS_LIST))
                    .with(filter.scope()).with(filter.cursor()).with(filter.pageSize());
            return ConditionalGet.answer(ifNoneMatch, etag, Sharing.of(true, caller != null),
                    () -> queries.newest(filter).map(ArticleSummary::of));
        }
        List<String> terms = SearchTerms.of(filter.q());
        if (terms.isEmpty()) {
            throw Problems.invalidField("q", "must contain at least one word to search for");
        }
        Page<Article> page = queries.search(filter, terms, isMember(caller));
        // A search ranks by relevance within its candidates, so its tag is made of what it found.
        EntityTag etag = EntityTag.of("news.articles/2").with(isMember(caller) ? "full-text-search" : "teasers")
                .with(filter.q()).with(filter.scope()).with(filter.cursor()).with(filter.pageSize()).with(page.nextCursor());
        page.items().forEach(article -> etag.with(article.getId(), article.getVersion()));
        return ConditionalGet.answer(ifNoneMatch, etag, Sharing.of(false, caller != null), () -> page.map(ArticleSummary::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article by id: the teaser for everyone, the full text for members")
    public ResponseEntity<ArticleView> byId(@PathVariable String id, Authentication caller,
                                            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return view(articles.findById(id).filter(a -> a.getStatus().visibleToReaders())
                .orElseThrow(() -> ArticleProblems.notFound(id)), caller, ifNoneMatch);
    }

    @GetMapping("/by-slug/{slug}")
    @Operation(summary = "One article by its slug: the teaser for everyone, the full text for members")
    public ResponseEntity<ArticleView> bySlug(@PathVariable String slug, Authentication caller,
                                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return view(articles.findBySlug(slug).filter(a -> a.getStatus().visibleToReaders())
                .orElseThrow(() -> ArticleProblems.notFound(slug)), caller, ifNoneMatch);
    }

    /** The translations are other documents: their languages and slugs are part of the tag, besides the article's version. */
    private ResponseEntity<ArticleView> view(Article article, Authentication caller, String ifNoneMatch) {
        boolean member = isMember(caller);
        List<ArticleView.Translation> translations = queries.translations(article).stream()
                .map(t -> new ArticleView.Translation(t.getLanguage(), t.getSlug())).toList();
        EntityTag tag = EntityTag.of("news.article/1").with(member ? "full-text" : "teaser").with(article.getId(), article.getVersion());
        translations.forEach(t -> tag.with(t.language(), t.slug()));
        return ConditionalGet.answer(ifNoneMatch, tag, Sharing.of(false, caller != null),
                () -> ArticleView.of(article, member, translations));
    }

    private static boolean isMember(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> "ROLE_member".equals(a.getAuthority()));
    }
}
