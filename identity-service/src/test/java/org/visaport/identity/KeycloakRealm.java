package org.visaport.identity;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.visaport.testsupport.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a test does to the real Keycloak from outside the service: sign users in with the password grant, and act as
 * the user or the realm administrator where no UI exists in a test (clicking the verification link).
 */
public final class KeycloakRealm {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The link of Keycloak's "confirm and proceed" page (HTML-escaped in the page). */
    private static final Pattern ACTION_LINK = Pattern.compile("href=\"([^\"]*/login-actions/action-token\\?[^\"]*)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeycloakTokens tokens;

    public KeycloakRealm(KeycloakTokens tokens) {
        this.tokens = tokens;
    }

    /** The status of a password grant (200 or Keycloak's refusal) and the access token if there is one. */
    public record Grant(int status, String accessToken, String body) {
    }

    public Grant signIn(String username, String password) {
        String form = "grant_type=password&client_id=" + KeycloakTokens.CLI_CLIENT
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokens.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String token = response.statusCode() == 200 ? JSON.readTree(response.body()).path("access_token").asString() : null;
        return new Grant(response.statusCode(), token, response.body());
    }

    public String accessToken(String username, String password) {
        Grant grant = signIn(username, password);
        if (grant.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + grant.body());
        }
        return grant.accessToken();
    }

    public Optional<JsonNode> user(String email) {
        HttpResponse<String> response = send(tokens.adminRequest("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).GET());
        JsonNode users = JSON.readTree(response.body());
        return users.isArray() && !users.isEmpty() ? Optional.of(users.get(0)) : Optional.empty();
    }

    /**
     * The administrator's shortcut for what the applicant's click on Keycloak's verification link does, for tests about
     * what comes after; {@code EmailVerificationIT} follows the real link from the mail.
     */
    public void verifyEmail(String email) {
        ObjectNode user = (ObjectNode) user(email).orElseThrow();
        user.put("emailVerified", true);
        user.putArray("requiredActions");
        HttpResponse<String> response = send(tokens.adminRequest("/users/" + user.path("id").asString())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("cannot verify " + email + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** The page a browser shows at the end of a click. */
    public record Page(int status, String body) {
    }

    /**
     * Opens a link from Keycloak's mail as a browser would. In a fresh browser (no Keycloak session) Keycloak first
     * answers with a page asking to confirm ("Click here to proceed"); its link, opened with the cookies that page set,
     * does the action and redirects to the page that says so.
     */
    public Page openMailLink(String link) {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = browse(URI.create(link), cookies);
        Matcher proceed = ACTION_LINK.matcher(page.body());
        if (page.statusCode() == 200 && proceed.find()) {
            page = browse(URI.create(proceed.group(1).replace("&amp;", "&")), cookies);
        }
        return new Page(page.statusCode(), page.body());
    }

    /**
     * A GET that keeps cookies and follows redirects. By hand, because Java's cookie handler never sends the cookies
     * Keycloak marks Secure over http, which browsers (and curl) do for 127.0.0.1.
     */
    private static HttpResponse<String> browse(URI uri, Map<String, String> cookies) {
        for (int hop = 0; hop < 5; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = send(request);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (setCookie.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, equals).strip());
                } else {
                    cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            uri = uri.resolve(location.get());
        }
        throw new IllegalStateException("too many redirects from " + uri);
    }

    /** The whole token answer of a password grant with the given scope (e.g. {@code openid offline_access}). */
    public JsonNode tokens(String username, String password, String scope) {
        Grant grant = signIn(username, password, scope);
        if (grant.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + grant.body());
        }
        return JSON.readTree(grant.body());
    }

    public Grant signIn(String username, String password, String scope) {
        String form = "grant_type=password&client_id=" + KeycloakTokens.CLI_CLIENT
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokens.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String token = response.statusCode() == 200 ? JSON.readTree(response.body()).path("access_token").asString() : null;
        return new Grant(response.statusCode(), token, response.body());
    }

    /** The status of a refresh-token grant: 200 while the session (or offline session) lives, 400 after. */
    public int refresh(String refreshToken) {
        String form = "grant_type=refresh_token&client_id=" + KeycloakTokens.CLI_CLIENT
                + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(tokens.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    }

    /** Gives a user a realm role behind the service's back, as an administrator in Keycloak's console would. */
    public void grantRealmRole(String email, String role) {
        tokens.grantRealmRoles(user(email).orElseThrow().path("id").asString(), role);
    }

    /** Offers the {@code offline_access} scope to a client, as an administrator would for a client that needs it. */
    public void offerOfflineAccess(String clientId) {
        String client = JSON.readTree(send(tokens.adminRequest("/clients?clientId=" + clientId).GET()).body()).get(0).path("id").asString();
        String scope = null;
        for (JsonNode candidate : JSON.readTree(send(tokens.adminRequest("/client-scopes").GET()).body())) {
            if ("offline_access".equals(candidate.path("name").asString())) {
                scope = candidate.path("id").asString();
            }
        }
        HttpResponse<String> response = send(tokens.adminRequest("/clients/" + client + "/optional-client-scopes/" + scope)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("cannot offer offline access to " + clientId + ": " + response.body());
        }
    }

    /** What a signed-in user sends from Keycloak's account console to change the own profile. */
    public int updateOwnAccount(String accessToken, JsonNode account) {
        return send(HttpRequest.newBuilder(URI.create(tokens.issuerUri() + "/account"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(account.toString()))).statusCode();
    }

    public JsonNode ownAccount(String accessToken) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(tokens.issuerUri() + "/account"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET()).body());
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern RESET_LINK = Pattern.compile("href=\"([^\"]*/login-actions/reset-credentials[^\"]*)\"");

    /**
     * "Forgot password?" on Keycloak's sign-in page, as a browser does it: opens the sign-in page of the web client,
     * follows the reset link and sends the address. Keycloak then mails a link to set a new password.
     */
    public Page forgotPassword(String email) {
        Map<String, String> cookies = new LinkedHashMap<>();
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        HttpResponse<String> signIn = browse(URI.create(tokens.issuerUri() + "/protocol/openid-connect/auth?client_id=visaport-web"
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:3000/", StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256"), cookies);
        Matcher reset = RESET_LINK.matcher(signIn.body());
        if (!reset.find()) {
            return new Page(signIn.statusCode(), signIn.body());
        }
        HttpResponse<String> form = browse(URI.create(tokens.issuerUri()).resolve(unescape(reset.group(1))), cookies);
        return submit(form, cookies, Map.of("username", email));
    }

    /** Opens the mailed reset link and sets the new password on the form it shows. */
    public Page setNewPassword(String link, String password) {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = browse(URI.create(link), cookies);
        Matcher proceed = ACTION_LINK.matcher(page.body());
        if (page.statusCode() == 200 && proceed.find()) {
            page = browse(URI.create(unescape(proceed.group(1))), cookies);
        }
        return submit(page, cookies, Map.of("password-new", password, "password-confirm", password));
    }

    private static Page submit(HttpResponse<String> page, Map<String, String> cookies, Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            return new Page(page.statusCode(), page.body());
        }
        String body = fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder post = HttpRequest.newBuilder(page.uri().resolve(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = send(post);
        Optional<String> location = answer.headers().firstValue("Location");
        if (answer.statusCode() / 100 == 3 && location.isPresent()) {
            answer = browse(page.uri().resolve(location.get()), cookies);
        }
        return new Page(answer.statusCode(), answer.body());
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&");
    }

    /** A user created behind the service's back, as a crash after its Keycloak write would leave one. */
    public void createUser(String email, String password) {
        tokens.createUser(email, "Orphan", "User", password);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
