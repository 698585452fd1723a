package org.visaport.news.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.problem.Problems;

/** Article failures, made with the shared {@link Problems} factories; Spring MVC renders them with their status. */
public final class ArticleProblems {

    private ArticleProblems() {
    }

    /** Also for drafts and embargoed articles asked for by readers: 404, so their existence is not revealed. */
    public static ErrorResponseException notFound(String reference) {
        return Problems.notFound("Article not found", "No article " + reference + ".");
    }

    public static ErrorResponseException staleVersion(String id, long current) {
        var problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Article changed meanwhile",
                "Article " + id + " was changed by someone else; reload it (now version " + current + ") and apply your edit again.");
        problem.setProperty("currentVersion", current);
        return Problems.exception(problem);
    }

    /**
     * Another article took the slug the new title would get between the check for a free one and the save. Nothing
     * was changed, so the same edit sent again (with the same version) gets the next free slug.
     */
    public static ErrorResponseException slugTaken(String id, String slug, long current) {
        var problem = Problems.of(HttpStatus.CONFLICT, "slug-taken", "Slug taken meanwhile",
                "Another article took the slug " + slug + " while article " + id + " was being saved; nothing was changed."
                        + " Send the edit again (version " + current + ") and it gets a free slug.");
        problem.setProperty("slug", slug);
        problem.setProperty("currentVersion", current);
        return Problems.exception(problem);
    }

    public static ErrorResponseException notAllowed(String id, ArticleStatus status, String action) {
        return Problems.conflict("Not possible in this state", "Article " + id + " is " + status + "; it cannot be " + action + ".");
    }
}
