package org.visaport.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.visaport.platform.problem.ProblemBodies;
import org.visaport.platform.problem.Problems;

/**
 * Refuses request bodies larger than the service accepts with 413 problem details, before anything reads them.
 * Bodies without a declared length are cut off by the same limit while being read.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;

    public RequestSizeLimitFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                    "The request body may be at most " + limit.toKilobytes() + " KB.");
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(ProblemBodies.json(problem, request.getRequestURI()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit.toBytes()), response);
    }
}
