package org.visaport.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.problem.Problems;

/**
 * Fixed-window counters in MongoDB, so a limit holds across instances: one atomic upsert-and-increment per use. Past
 * windows count for nothing; MongoDB's TTL is not available on every server we run on, so a scheduled job removes them.
 */
public class RateLimits {

    static final String COLLECTION = "rate_limits";

    private final MongoTemplate mongo;
    private final Clock clock;

    public RateLimits(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** How much of its limit a key has used in the current window, this use included. */
    public record Usage(long count, int limit, Duration window, Instant resetsAt) {
    }

    /**
     * Counts one use of {@code key}, e.g. {@code profile-edit:<member id>}; once more than {@code limit} came within
     * the window, throws a 429 problem with {@code Retry-After} until the window ends. A refused use still counts.
     */
    public Usage acquire(String key, int limit, Duration window) {
        Instant now = clock.instant();
        long windowStart = now.toEpochMilli() / window.toMillis() * window.toMillis();
        Instant resetsAt = Instant.ofEpochMilli(windowStart + window.toMillis());
        Counter counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key + "@" + windowStart)),
                new Update().inc("count", 1).setOnInsert("expiresAt", resetsAt),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class, COLLECTION);
        Usage usage = new Usage(counter.count(), limit, window, resetsAt);
        if (usage.count() > limit) {
            throw exceeded(usage, Duration.between(now, resetsAt));
        }
        return usage;
    }

    @Scheduled(fixedDelayString = "${visaport.rate-limits.purge-interval:PT15M}")
    @SchedulerLock(name = "rate-limits-purge", lockAtMostFor = "PT10M")
    public void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), COLLECTION);
    }

    private static ErrorResponseException exceeded(Usage usage, Duration retryAfter) {
        ErrorResponseException limited = Problems.rateLimited(retryAfter);
        ProblemDetail problem = limited.getBody();
        problem.setDetail("%d within %s; the limit is %d".formatted(usage.count(), describe(usage.window()), usage.limit()));
        problem.setProperty("limit", usage.limit());
        problem.setProperty("count", usage.count());
        problem.setProperty("windowSeconds", usage.window().toSeconds());
        return limited;
    }

    /** The window as people say it, in the largest unit that divides it: "10 minutes", "1 day". */
    static String describe(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    record Counter(String id, long count) {
    }
}
