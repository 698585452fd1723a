package org.visaport.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a service under test, as a client would make them. */
public final class ApiClient {

    /**
     * HTTP/1.1, as the services and the gateway speak it: the JDK client's default (HTTP/2) would offer an h2c upgrade
     * on every new connection, a second way of talking the tests have no reason to exercise.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUri;

    public ApiClient(int port) {
        this.baseUri = "http://127.0.0.1:" + port;
    }

    public Reply get(String path, String bearerToken) {
        return send("GET", path, bearerToken, null, Map.of());
    }

    /** A conditional GET: {@code ifNoneMatch} null sends none. */
    public Reply get(String path, String bearerToken, String ifNoneMatch) {
        return send("GET", path, bearerToken, null, ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }

    public Reply post(String path, String bearerToken, Object body) {
        return send("POST", path, bearerToken, body, Map.of());
    }

    public Reply put(String path, String bearerToken, Object body) {
        return send("PUT", path, bearerToken, body, Map.of());
    }

    /** {@code body} is sent as JSON: a String as it is, anything else serialised. */
    public Reply send(String method, String path, String bearerToken, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return new Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
