package org.visaport.comment.article;

import java.time.Duration;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.problem.Problems;

final class ArticleProblems {

    private ArticleProblems() {
    }

    static ErrorResponseException notFound(String id) {
        return Problems.notFound("Article not found", "No published article " + id + ".");
    }

    static ErrorResponseException closed(String id) {
        return Problems.conflict("thread-closed", "Comments closed", "Article " + id + " does not take new comments.");
    }

    static ErrorResponseException unknownWhileNewsUnavailable(String id, Duration retryAfter) {
        return Problems.unavailable("Article " + id + " is not known here yet and the news service cannot be asked now; "
                + "nothing was stored.", retryAfter);
    }
}
