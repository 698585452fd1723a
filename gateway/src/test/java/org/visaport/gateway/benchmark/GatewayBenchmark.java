package org.visaport.gateway.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;

/**
 * The gateway's cost on the running local stack: the same request (the article list, with a member token that both
 * the gateway and news-service check) through the gateway and directly to news-service, measured side by side in one
 * run, at full load and at half of the direct maximum. Not a test (no assertion on time; the name keeps it out of
 * {@code ./mvnw verify}). Start the stack with the gateway's rate limits lifted, then run
 * {@code ./mvnw -pl gateway test -Dtest=GatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GatewayBenchmark {

    private static final int CLIENTS = Integer.getInteger("clients", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private static final String PATH = "/api/news/articles?limit=20";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void gatewayAgainstDirect() throws Exception {
        KeycloakTokens keycloak = new KeycloakTokens(URI.create("http://127.0.0.1:8180"), "visaport", "admin", "admin");
        String token = keycloak.accessToken(DemoUser.MEMBER);
        String gateway = "http://127.0.0.1:" + Integer.getInteger("gatewayPort", 8080) + PATH;
        String direct = "http://127.0.0.1:" + Integer.getInteger("newsPort", 8082) + PATH;

        run(gateway, token, WARM_UP, 0);
        run(direct, token, WARM_UP, 0);
        Result fullDirect = run(direct, token, MEASURE, 0);
        Result fullGateway = run(gateway, token, MEASURE, 0);
        System.out.printf("%nFull load, %d clients: direct %.0f req/s, gateway %.0f req/s, ratio %.2f%n", CLIENTS,
                fullDirect.rate(), fullGateway.rate(), fullGateway.rate() / fullDirect.rate());
        print("direct", fullDirect);
        print("gateway", fullGateway);

        double half = fullDirect.rate() / 2;
        Result halfDirect = run(direct, token, MEASURE, half);
        Result halfGateway = run(gateway, token, MEASURE, half);
        System.out.printf("%nHalf the direct maximum (%.0f req/s offered):%n", half);
        print("direct", halfDirect);
        print("gateway", halfGateway);
        System.out.printf("  added by the gateway: p50 %.1f ms, p99 %.1f ms%n",
                halfGateway.quantile(0.50) - halfDirect.quantile(0.50), halfGateway.quantile(0.99) - halfDirect.quantile(0.99));
    }

    /** {@code rate} 0: as fast as the clients go; otherwise requests are spread evenly to offer that rate in all. */
    private Result run(String uri, String token, Duration length, double rate) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET().build();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long gapPerClient = rate == 0 ? 0 : (long) (CLIENTS * 1e9 / rate);
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                long offset = gapPerClient * c / CLIENTS;
                pool.submit(() -> {
                    long next = start + offset;
                    while (true) {
                        if (gapPerClient > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            next += gapPerClient;
                        }
                        long began = System.nanoTime();
                        if (began >= end) {
                            return null;
                        }
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                        nanos.add(System.nanoTime() - began);
                    }
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests to " + uri + " did not answer 200 (rate limits lifted?)");
        }
        return new Result(nanos, length);
    }

    private static void print(String what, Result result) {
        System.out.printf("  %-8s %6.0f req/s  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms%n", what, result.rate(),
                result.quantile(0.50), result.quantile(0.90), result.quantile(0.99));
    }

    private record Result(List<Long> nanos, Duration length) {

        double rate() {
            return nanos.size() / (length.toMillis() / 1000.0);
        }

        double quantile(double q) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }
}
