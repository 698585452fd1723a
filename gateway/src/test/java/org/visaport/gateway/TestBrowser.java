package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visaport.testsupport.DemoUser;

/**
 * A browser as the gateway's web-client tests walk it: it keeps cookies, follows no redirect by itself (the tests
 * check each one), and carries Keycloak's sign-in cookies by hand, since Keycloak marks them Secure (and
 * SameSite=None) and a cookie store keeps those off plain http, where a browser on loopback sends them.
 */
final class TestBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final Map<String, String> keycloakCookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> atKeycloak(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!keycloakCookies.isEmpty()) {
            request.header("Cookie", String.join("; ", keycloakCookies.values()));
        }
        HttpResponse<String> response = send(request);
        response.headers().allValues("Set-Cookie").forEach(set -> {
            String pair = set.split(";", 2)[0];
            keycloakCookies.put(pair.substring(0, pair.indexOf('=')), pair);
        });
        return response;
    }

    /**
     * Opens Keycloak's sign-in page at {@code authorize} and submits the user's password in its form; Keycloak's answer
     * is the redirect back to the client.
     */
    HttpResponse<String> signInAtKeycloak(URI authorize, DemoUser user) throws IOException, InterruptedException {
        HttpResponse<String> loginForm = atKeycloak(HttpRequest.newBuilder(authorize).GET());
        assertThat(loginForm.statusCode()).as(loginForm.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(loginForm.body());
        assertThat(action.find()).isTrue();
        return atKeycloak(HttpRequest.newBuilder(loginForm.uri().resolve(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", user.username(), "password", user.password())));
    }

    String cookie(String name, URI site) {
        List<HttpCookie> found = cookies.getCookieStore().get(site);
        return found.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
