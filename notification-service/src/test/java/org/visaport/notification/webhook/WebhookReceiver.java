package org.visaport.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream system on 127.0.0.1: records every request and answers each path as scripted (200 once the script is
 * used up, unless another default is set), and verifies signatures as a Standard Webhooks receiver does.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Standard Webhooks' suggested tolerance for the timestamp, against replayed messages. */
    private static final long TOLERANCE_SECONDS = 5 * 60;

    record Request(String path, String id, String timestamp, String signature, String contentType, String body, Instant at) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String articleId() {
            return json().path("data").path("id").asString();
        }

        /** The Standard Webhooks check: a fresh timestamp and a {@code v1} signature made with {@code secret}. */
        boolean signedWith(String secret) {
            long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
            return age <= TOLERANCE_SECONDS && SignaturesTest.Receiver.verifies(secret, id, timestamp, body, signature);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> otherwise = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body, Instant.now()));
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.pollFirst();
            exchange.sendResponseHeaders(scripted != null ? scripted : otherwise.getOrDefault(path, 200), -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers on {@code path}, in order. */
    void answer(String path, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    /** The answer on {@code path} once the script is used up. */
    void otherwise(String path, int status) {
        otherwise.put(path, status);
    }

    /** The requests on {@code path} about the article, in the order they came. */
    List<Request> received(String path, String articleId) {
        return requests.stream().filter(request -> request.path().equals(path) && articleId.equals(request.articleId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
