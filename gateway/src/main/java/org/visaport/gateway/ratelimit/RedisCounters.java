package org.visaport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Counters in Redis, shared by every gateway instance: INCR counts atomically across instances; each window has a key
 * of its own that expires shortly after the window ends, so Redis forgets past windows by itself.
 */
class RedisCounters implements Counters {

    private final ReactiveStringRedisTemplate redis;

    RedisCounters(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Count> increment(String key, Duration window, Instant now) {
        long start = Counters.windowStart(now, window);
        Instant end = Instant.ofEpochMilli(start + window.toMillis());
        String windowKey = "visaport:rate:" + key + ":" + start;
        return redis.opsForValue().increment(windowKey)
                .flatMap(count -> redis.expire(windowKey, window.plusSeconds(1)).thenReturn(new Count(count, end)));
    }
}
