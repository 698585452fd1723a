package org.visaport.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the running local stack, as `demo`, `bench` and the end-to-end tests talk to it: tokens from Keycloak's
 * local-only CLI client, JSON calls with a bearer token to any of the stack's addresses, and Server-Sent Events streams.
 */
public final class StackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String keycloak;
    // HTTP/1.1 as browsers and wrk speak it to the gateway; the JDK's default would first try an h2c upgrade.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public StackClient(StackSettings settings) {
        this.keycloak = "http://127.0.0.1:" + settings.port("keycloak");
    }

    HttpClient http() {
        return http;
    }

    /** An access token for one of the realm's users, or null when Keycloak refuses the password. */
    public String token(String username, String password) {
        String form = "grant_type=password&client_id=visaport-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/visaport/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return response.statusCode() == 200 ? parse(response.body()).path("access_token").asString() : null;
    }

    /** A call to {@code uri}; {@code body}, when given, goes as JSON. */
    public HttpResponse<String> send(String method, String uri, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("cannot reach " + request.uri() + " (is the stack up? ./visaport up): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    /** JSON text as a tree; an empty object for a blank text. */
    public static JsonNode parse(String json) {
        return json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
    }

    /** Opens a Server-Sent Events stream; its lines are kept with the moment each arrived. */
    public LiveStream listen(String uri, String token) {
        return new LiveStream(http, HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build());
    }

    /** A stream's lines as they come; closing it hangs up. */
    public static final class LiveStream implements AutoCloseable {

        /** One line of the stream and when it arrived ({@link System#nanoTime()}). */
        public record Line(long arrivedNanos, String text) {
        }

        private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
        private final CompletableFuture<Void> reading;

        private LiveStream(HttpClient http, HttpRequest request) {
            reading = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(line -> lines.add(new Line(System.nanoTime(), line))));
        }

        public String text() {
            return String.join("\n", lines().stream().map(Line::text).toList());
        }

        public List<Line> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            reading.cancel(true);
        }
    }
}
