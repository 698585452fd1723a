package org.visaport.comment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers {@code GET /api/news/articles/{id}} the way news-service answers a reader (the reader view for a published
 * article, a 404 problem for anything else) or, while "down", with 503. Running the real news-service inside this
 * module's tests would need its build as a library; its reader endpoint is covered by its own tests.
 */
final class NewsStandIn {

    private final HttpServer server;
    private final Map<String, String> published = new ConcurrentHashMap<>();
    private volatile boolean down;

    private NewsStandIn(HttpServer server) {
        this.server = server;
    }

    static NewsStandIn start() {
        try {
            NewsStandIn news = new NewsStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            news.server.createContext("/api/news/articles/", news::answer);
            news.server.start();
            return news;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void publish(String id, String title) {
        published.put(id, """
                {"id":"%s","slug":"article-%s","title":"%s","lede":"A briefing.","commentsEnabled":true,"membersOnly":true,
                 "bodyHtml":null,"retraction":null,"translations":[],"corrections":[]}""".formatted(id, id, title));
    }

    void down(boolean down) {
        this.down = down;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/news/articles/".length());
        String article = published.get(id);
        if (down) {
            respond(exchange, 503, "{\"status\":503}");
        } else if (article == null) {
            respond(exchange, 404, "{\"type\":\"https://visaport.example/problems/not-found\",\"status\":404}");
        } else {
            respond(exchange, 200, article);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
