package org.visaport.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request a service answers: method, path, status and duration. It runs inside the request's trace, so
 * the line carries the same trace id as the gateway's line for the call, and support finds a call in both logs from
 * the id the client saw. The path only: a query may hold a token (an unsubscribe link's) or a search for a name.
 * Probes and metrics scrapes are not logged; they would drown the rest.
 */
public class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
