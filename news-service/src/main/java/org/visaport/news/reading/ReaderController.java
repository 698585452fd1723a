package org.visaport.news.reading;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleProblems;
import org.visaport.news.article.ArticleRepository;
import org.visaport.news.search.SearchTerms;
import org.visaport.platform.paging.Page;
import org.visaport.platform.problem.Problems;

/** The news as readers get it: open to everyone, full text for members. */
@RestController
@RequestMapping("/api/news/articles")
public class ReaderController {

    private final ArticleQueries queries;
    private final ArticleRepository articles;

    public ReaderController(ArticleQueries queries, ArticleRepository articles) {
        this.queries = queries;
        this.articles = articles;
    }

    @GetMapping
    @Operation(summary = "Published articles, newest first, or by relevance when q is given (members search the full text, "
            + "everyone else title, lede and tags); filtered and paged (limit ≤ 100)")
    public Page<ArticleSummary> list(@Valid ArticleFilter filter, Authentication caller) {
        Page<Article> page;
        if (filter.q() == null || filter.q().isBlank()) {
            page = queries.newest(filter);
        } else {
            List<String> terms = SearchTerms.of(filter.q());
            if (terms.isEmpty()) {
                throw Problems.invalidField("q", "must contain at least one word to search for");
            }
            page = queries.search(filter, terms, isMember(caller));
        }
        return page.map(ArticleSummary::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article by id: the teaser for everyone, the full text for members")
    public ArticleView byId(@PathVariable String id, Authentication caller) {
        return view(articles.findById(id).filter(a -> a.getStatus().visibleToReaders())
                .orElseThrow(() -> ArticleProblems.notFound(id)), caller);
    }

    @GetMapping("/by-slug/{slug}")
    @Operation(summary = "One article by its slug: the teaser for everyone, the full text for members")
    public ArticleView bySlug(@PathVariable String slug, Authentication caller) {
        return view(articles.findBySlug(slug).filter(a -> a.getStatus().visibleToReaders())
                .orElseThrow(() -> ArticleProblems.notFound(slug)), caller);
    }

    private ArticleView view(Article article, Authentication caller) {
        List<ArticleView.Translation> translations = queries.translations(article).stream()
                .map(t -> new ArticleView.Translation(t.getLanguage(), t.getSlug())).toList();
        return ArticleView.of(article, isMember(caller), translations);
    }

    private static boolean isMember(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> "ROLE_member".equals(a.getAuthority()));
    }
}
