package org.visaport.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the services behind the gateway: answers 200 and remembers what reached it. */
final class RecordingBackend {

    /** What reached the service: the path and the headers that say who is calling. */
    record Received(String path, String authorization, String forwardedFor, String forwarded, String realIp) {

        /** A request that carries no {@code Forwarded} and no {@code X-Real-IP} header. */
        Received(String path, String authorization, String forwardedFor) {
            this(path, authorization, forwardedFor, null, null);
        }
    }

    /** Paths under this answer like a reader endpoint: {@link #ETAG}, {@link #CACHE_CONTROL}, and 304 when it matches. */
    static final String CONDITIONAL = "/api/news/articles/conditional";
    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";
    static final String CACHE_CONTROL = "public, max-age=30";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, java.util.Map<String, String>> headersByPath = new java.util.concurrent.ConcurrentHashMap<>();

    /** Where the gateway's load balancer asks whether an instance is ready; this one always is. */
    static final String READINESS = "/actuator/health/readiness";

    RecordingBackend() {
        this(0);
    }

    /** A backend on {@code port}, e.g. one that comes back where a stopped one listened. */
    RecordingBackend(int port) {
        this(port, 200);
    }

    /**
     * A backend that reports ready but answers every call with {@code status} (and no body when it is not 200), as an
     * instance does whose own dependencies just failed.
     */
    RecordingBackend(int port, int status) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            java.util.Map<String, String> first = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> first.put(name, values.getFirst()));
            headersByPath.put(exchange.getRequestURI().getPath(), first);
            received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("Authorization"),
                    String.join(", ", headers.getOrDefault("X-Forwarded-For", List.of())).transform(v -> v.isEmpty() ? null : v),
                    headers.getFirst("Forwarded"), headers.getFirst("X-Real-IP")));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (exchange.getRequestURI().getPath().startsWith(CONDITIONAL)) {
                // As the services answer readers: a tag, who may keep the answer, and a 304 for the current tag.
                exchange.getResponseHeaders().set("ETag", ETAG);
                exchange.getResponseHeaders().set("Cache-Control", CACHE_CONTROL);
                exchange.getResponseHeaders().set("Vary", "Authorization");
                if (ETAG.equals(headers.getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
            }
            if (status != 200 && !READINESS.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The headers of the last request that reached {@code path}, by case-insensitive name. */
    java.util.Map<String, String> headersAt(String path) {
        return headersByPath.getOrDefault(path, java.util.Map.of());
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** How many times the load balancer asked this backend whether it is ready. */
    long readinessChecks() {
        return received.stream().filter(r -> r.path().equals(READINESS)).count();
    }

    /** How many requests reached {@code path}. */
    long count(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    /** The one request that reached {@code path}; each test calls a path of its own. */
    Received receivedAt(String path) {
        List<Received> matching = received.stream().filter(r -> r.path().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " requests reached " + path + ": " + received);
        }
        return matching.getFirst();
    }
}
