package org.visaport.comment.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The fallback for an article not seen on the event stream yet: news-service's public article endpoint, with a
 * timeout, behind a circuit breaker so an outage costs one quick refusal instead of a thread per waiting request.
 */
@Component
public class NewsClient {

    /** Anything but a clear answer about the article: unreachable, failing, overloaded, or an answer that is no article. */
    private static final Predicate<Throwable> OUTAGE = e -> e instanceof ResourceAccessException
            || e instanceof HttpServerErrorException
            || e instanceof HttpClientErrorException.TooManyRequests
            || e instanceof HttpClientErrorException client && client.getStatusCode().value() == 408
            || e instanceof RestClientException && !(e instanceof HttpClientErrorException);

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final URI base;
    private final Duration retryAfter;

    public NewsClient(RestClient.Builder builder,
                      @Value("${visaport.comments.news.uri:${NEWS_SERVICE_URI:http://127.0.0.1:8082}}") URI base,
                      @Value("${visaport.comments.news.timeout:PT2S}") Duration timeout,
                      @Value("${visaport.comments.news.open-for:PT30S}") Duration openFor) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = builder.clone().requestFactory(requests).build();
        this.base = base;
        this.retryAfter = openFor;
        this.breaker = CircuitBreaker.of("news-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(OUTAGE)
                .build());
    }

    /** The article as readers see it; empty when news-service says it does not exist for readers. */
    Optional<PublicArticle> article(String id) {
        URI uri = UriComponentsBuilder.fromUri(base).path("/api/news/articles/{id}").buildAndExpand(id).toUri();
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return Optional.ofNullable(http.get().uri(uri).retrieve().body(PublicArticle.class));
                } catch (HttpClientErrorException.NotFound notForReaders) {
                    return Optional.empty();
                }
            });
        } catch (HttpClientErrorException refused) {
            if (OUTAGE.test(refused)) {
                throw ArticleProblems.unknownWhileNewsUnavailable(id, retryAfter);
            }
            // Any other 4xx (e.g. an id news-service finds malformed) means no article for readers either.
            return Optional.empty();
        } catch (CallNotPermittedException | RestClientException unavailable) {
            throw ArticleProblems.unknownWhileNewsUnavailable(id, retryAfter);
        }
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** What this service reads of news-service's reader view (its own record; unknown fields are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PublicArticle(String id, String slug, String title, boolean commentsEnabled, Retraction retraction) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Retraction(String reason) {
        }
    }
}
