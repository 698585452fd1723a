package org.visaport.identity;

import java.util.Map;
import org.visaport.testsupport.ApiClient;

/** The shared test client with the argument order these tests read best in: body before token. */
public final class Api {

    private final ApiClient client;

    public Api(int port) {
        this.client = new ApiClient(port);
    }

    public ApiClient.Reply call(String method, String path, Object body, String token, Map<String, String> headers) {
        return client.send(method, path, token, body, headers);
    }

    public ApiClient.Reply get(String path, String token) {
        return client.get(path, token);
    }

    public ApiClient.Reply post(String path, Object body, String token) {
        return client.post(path, token, body);
    }
}
