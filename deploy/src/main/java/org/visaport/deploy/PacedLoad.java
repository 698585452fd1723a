package org.visaport.deploy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load, which wrk cannot make: requests go out at a constant rate whatever the answers, each on a virtual
 * thread of its own, and each is timed from when it was due rather than from when it was sent. A server that falls
 * behind thus shows its queue in the figures instead of slowing the clients down (coordinated omission).
 */
final class PacedLoad {

    /** The answered requests' latencies in nanoseconds, and how many of {@code sent} failed (no answer, or not {@code 200}). */
    record Result(long[] latencies, int sent, int failed) {
    }

    private static final long FAILED = -1;

    private PacedLoad() {
    }

    static Result run(HttpClient http, HttpRequest request, double perSecond, Duration duration) {
        int total = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        long interval = Math.round(1e9 / perSecond);
        long[] latencies = new long[total];
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int slot = i;
                requests.submit(() -> latencies[slot] = send(http, request, due, failed));
            }
        }
        long[] answered = Arrays.stream(latencies).filter(latency -> latency != FAILED).toArray();
        if (answered.length == 0) {
            throw new StackException("no request to " + request.uri() + " was answered with 200 at " + Math.round(perSecond) + " req/s");
        }
        return new Result(answered, total, failed.get());
    }

    private static long send(HttpClient http, HttpRequest request, long due, AtomicInteger failed) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            long latency = System.nanoTime() - due;
            if (status == 200) {
                return latency;
            }
        } catch (IOException e) {
            // counted below with the other failures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failed.incrementAndGet();
        return FAILED;
    }
}
