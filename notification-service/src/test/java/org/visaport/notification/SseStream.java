package org.visaport.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as plain as a test can make it: {@link HttpClient} reading the body line by line and
 * collecting events and comment lines as they come. Each stream has a client of its own, closed with it: a shared
 * client could hand a connection whose stream was cut off to the next request.
 */
final class SseStream implements AutoCloseable {

    /** One event: its id, its name ({@code message} when it has none), its data, and when it arrived (nano time). */
    record Event(String id, String name, String data, long arrivedAt) {
    }

    private final HttpClient client;
    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();

    private SseStream(HttpClient client, HttpResponse<Stream<String>> response) {
        this.client = client;
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().name("test-sse-reader").start(this::read);
        }
    }

    static SseStream open(int port, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications/stream"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return new SseStream(client, client.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            client.shutdownNow();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused stream (a problem). */
    String body() {
        return String.join("\n", response.body().toList());
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> events(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), System.nanoTime()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (UncheckedIOException closed) {
            // The test closed the stream, or the server ended it.
        }
    }

    @Override
    public void close() {
        response.body().close();
        client.shutdownNow();
    }
}
