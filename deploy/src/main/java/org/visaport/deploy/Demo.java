package org.visaport.deploy;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * `./visaport demo`: the whole story against the running local stack, through the gateway only, printing each step:
 * a diplomat applies, verifies the address from the mail, is approved and mailed, signs in, reads, subscribes,
 * comments (held as a new member), is approved by a moderator, gets a reply and hears of it in the feed, on the live
 * stream and by mail, hears of a new briefing in their region (live on the stream and in the feed), and finally leaves,
 * after which their comment is a former member's. Stops at the first step that does not do what it should, saying what
 * it got. The end-to-end test (module {@code e2e}) runs the same story against a stack of its own and checks more
 * around it: the {@link Outcome}, every {@link Exchange} the story had with the gateway, and the stack's logs and topics.
 */
public final class Demo {

    /** What the story made, for checks beyond it. */
    public record Outcome(String email, String memberId, String articleId, String commentId, String briefingId) {
    }

    /** One answer the gateway gave on the way. */
    public record Exchange(String method, String path, int status, String body) {
    }

    private static final Pattern VERIFY_LINK = Pattern.compile("(http://\\S*/login-actions/action-token\\?\\S*)");
    private static final Pattern PROCEED_LINK = Pattern.compile("href=\"([^\"]*/login-actions/action-token\\?[^\"]*)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PrintStream out;
    private final String gateway;
    private final String mailApi;
    private final StackClient client;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private int step;

    public Demo(StackSettings settings, PrintStream out) {
        this.out = out;
        this.gateway = "http://127.0.0.1:" + settings.port("gateway");
        this.client = new StackClient(settings);
        this.mailApi = "http://127.0.0.1:" + settings.port("mail-api");
    }

    public Outcome run() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "demo-" + suffix + "@mission.example";
        String password = "Diplomatic-Pouch-" + suffix;
        String region = "demo-region-" + suffix;

        step("A diplomat applies (no account yet)");
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("fullName", "Dana Demo " + suffix);
        application.put("email", email);
        application.put("password", password);
        application.put("countryCode", "AT");
        application.put("mission", "Permanent Mission of Austria to the UN");
        application.put("position", "First Secretary");
        application.put("accreditationNumber", "DIP-AT-" + suffix);
        application.put("postingCity", "Vienna");
        application.put("language", "en");
        application.put("postingEndsOn", LocalDate.now().plusYears(2).toString());
        application.put("termsAccepted", true);
        application.put("termsVersion", "2026-01");
        expect(send("POST", "/api/identity/applications", null, application, Map.of("Idempotency-Key", "demo-" + suffix)), 202);

        step("Keycloak mails a verification link; the applicant opens it");
        verify(verificationLink(email));

        step("A moderator approves the application");
        int mailsBeforeApproval = mailCount(email);
        String moderator = token("moderator@visaport.local", "Moderator-Local-2026");
        String memberId = await("the application in the moderators' list",
                () -> find(get("/api/admin/identity/applications?limit=100", moderator).path("items"), "email", email),
                id -> id != null);
        expect(send("POST", "/api/admin/identity/applications/" + memberId + "/approval", moderator,
                Map.of("note", "checked by the demo"), Map.of()), 200);

        step("The approval mail arrives");
        await("the approval mail", () -> mailCount(email), count -> count > mailsBeforeApproval);

        step("The new member signs in; the token carries the role member");
        String member = await("a token with the member role", () -> token(email, password),
                t -> t != null && get("/api/identity/me", t).toString().contains("\"member\""));

        step("News: a teaser for everyone, the full text for the member");
        JsonNode articles = get("/api/news/articles", null);
        String articleId = articles.path("items").get(0).path("id").asString();
        check("anonymous readers get a teaser", get("/api/news/articles/" + articleId, null).path("membersOnly").asBoolean());
        check("the member gets the text", !get("/api/news/articles/" + articleId, member).path("bodyHtml").isNull());

        step("The member subscribes to briefings about " + region);
        Map<String, Object> on = Map.of("enabled", true, "channels", List.of("IN_APP", "EMAIL"), "cadence", "IMMEDIATE");
        expect(send("PUT", "/api/notifications/subscriptions", member, Map.of("tags", List.of(),
                "regions", List.of(region), "countries", List.of(), "articles", on,
                "repliesToMyComments", on, "commentDecisions", on), Map.of()), 200);

        step("The member comments; as a new member the comment waits, and the answer says why");
        JsonNode posted = expect(send("POST", "/api/comments/articles/" + articleId + "/comments", member,
                Map.of("text", "Greetings from the demo, " + suffix + "."), Map.of()), 201);
        check("held for review", !posted.path("visible").asBoolean());
        String why = posted.path("comment").path("reasons").path(0).path("message").asString("");
        check("the answer says why", !why.isBlank());
        out.println("      why: " + why);
        String commentId = posted.path("comment").path("id").asString();

        step("The moderator sees it queued with its reason, and approves it");
        JsonNode queued = await("the comment in the pending queue",
                () -> findNode(get("/api/admin/comments/queue?queue=pending&limit=100", moderator).path("items"), "id", commentId),
                node -> node != null);
        String hold = queued.path("holds").path(0).path("explanation").asString("");
        check("queued with its reason", !hold.isBlank());
        out.println("      hold: " + hold);
        expect(send("POST", "/api/admin/comments/comments/" + commentId + "/decisions", moderator,
                Map.of("action", "approve"), Map.of()), 200);

        try (StackClient.LiveStream live = client.listen(gateway + "/api/notifications/stream", member)) {
            step("Another member replies (a moderator approves it if it waits)");
            String other = token("member@visaport.local", "Member-Local-2026");
            JsonNode reply = expect(send("POST", "/api/comments/articles/" + articleId + "/comments", other,
                    Map.of("text", "Welcome, " + suffix + "!", "parentId", commentId), Map.of()), 201);
            if (!reply.path("visible").asBoolean()) {
                expect(send("POST", "/api/admin/comments/comments/" + reply.path("comment").path("id").asString() + "/decisions",
                        moderator, Map.of("action", "approve"), Map.of()), 200);
            }

            step("The first member hears of the reply in the feed, on the live stream and by mail");
            await("a reply notice in the feed", () -> get("/api/notifications/feed", member).toString(),
                    feed -> feed.contains("COMMENT_REPLY"));
            await("the reply on the member's live stream (Server-Sent Events)", live::text,
                    lines -> lines.contains("COMMENT_REPLY") && lines.contains("Welcome, " + suffix));
            await("a reply mail", () -> mailTexts(email), mails -> mails.contains("replied to your comment"));

            step("An editor publishes a briefing in " + region + "; the subscribed member is told, live and in the feed");
            String editor = token("editor@visaport.local", "Editor-Local-2026");
            JsonNode draft = expect(send("POST", "/api/admin/news/articles", editor, Map.of("title", "Demo briefing " + suffix,
                    "lede", "Shown to everyone.", "body", "Members-only text " + suffix + ".", "language", "en", "regions", List.of(region),
                    "dateline", Map.of("place", "Vienna, Austria", "date", LocalDate.now().toString())), Map.of()), 201);
            expect(send("POST", "/api/admin/news/articles/" + draft.path("id").asString() + "/publish", editor,
                    Map.of("version", draft.path("version").asLong()), Map.of()), 200);
            String feed = await("the briefing in the member's feed", () -> get("/api/notifications/feed", member).toString(),
                    text -> text.contains("Demo briefing " + suffix));
            check("the feed item carries the teaser, not the members-only text", !feed.contains("Members-only text " + suffix));
            await("the briefing on the member's live stream (Server-Sent Events)", live::text,
                    lines -> lines.contains("Demo briefing " + suffix));

            step("A member calling an admin route gets 403");
            check("403 at the gateway", send("GET", "/api/admin/news/articles", member, null, Map.of()).statusCode() == 403);

            step("The member leaves; their comment stays, as a former member's");
            expect(send("DELETE", "/api/identity/me", member, null, Map.of()), 204);
            await("the comment shown as a former member's", () -> get("/api/comments/comments/" + commentId, null)
                    .path("author").path("displayName").asString(""), "former member"::equals);

            step("No answer on the way showed the applicant's address in public places");
            check("the thread does not contain the address",
                    !get("/api/comments/articles/" + articleId + "/comments?limit=100", null).toString().contains(email));
            out.println();
            out.println("The demo passed: " + step + " steps.");
            return new Outcome(email, memberId, articleId, commentId, draft.path("id").asString());
        }
    }

    /** Every answer the gateway gave so far, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void step(String what) {
        out.printf("%n%2d. %s%n", ++step, what);
    }

    private void check(String what, boolean ok) {
        if (!ok) {
            throw new StackException("demo step " + step + " failed: " + what);
        }
        out.println("      ok: " + what);
    }

    private JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new StackException("demo step " + step + ": expected " + status + " from " + response.request().method() + " "
                    + response.request().uri() + " but got " + response.statusCode() + ": " + response.body());
        }
        out.println("      " + response.request().method() + " " + response.request().uri().getPath() + " → " + status);
        return json(response);
    }

    private <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        try {
            T value = Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(probe::get, done::test);
            out.println("      ok: " + what);
            return value;
        } catch (ConditionTimeoutException e) {
            throw new StackException("demo step " + step + ": no " + what + " within " + PATIENCE.toSeconds() + " s");
        }
    }

    /** The link in Keycloak's "Verify email" mail to {@code email}, once the mail has come. */
    public String verificationLink(String email) {
        return await("the verification mail", () -> mailTexts(email), mails -> mails.contains("/login-actions/action-token"))
                .transform(mails -> first(VERIFY_LINK, mails));
    }

    /**
     * Opens the mail's link as a browser without a Keycloak session does: a confirmation page, then its "proceed" link
     * with the first page's cookies. Keycloak marks its cookies Secure, which Java's cookie manager keeps off plain
     * http, so the cookies are carried by hand.
     */
    private void verify(String link) {
        Map<String, String> cookies = new LinkedHashMap<>();
        String page = browse(URI.create(link), cookies).body();
        Matcher proceed = PROCEED_LINK.matcher(page);
        String result = proceed.find() ? browse(URI.create(proceed.group(1).replace("&amp;", "&")), cookies).body() : page;
        check("the address is verified", result.contains("Your account has been updated"));
    }

    private HttpResponse<String> browse(URI uri, Map<String, String> cookies) {
        for (int hop = 0; hop < 5; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            HttpResponse<String> response = client.send(request.build());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (setCookie.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, equals).strip());
                } else {
                    cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            uri = uri.resolve(location.get());
        }
        throw new StackException("too many redirects from " + uri);
    }

    private String mails(String email) {
        return client.send(HttpRequest.newBuilder(URI.create(mailApi + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "/messages/")).GET().build()).body();
    }

    /** The raw messages to {@code email}, quoted-printable soft line breaks and '=' escapes undone. */
    public String mailTexts(String email) {
        String mails = mails(email);
        StringBuilder texts = new StringBuilder();
        if (!mails.isBlank()) {
            parse(mails).forEach(mail -> texts.append(mail.path("mimeMessage").asString("")).append('\n'));
        }
        return texts.toString().replace("=\r\n", "").replace("=3D", "=");
    }

    private int mailCount(String email) {
        String mails = mails(email);
        return mails.isBlank() ? 0 : parse(mails).size();
    }

    /** An access token from Keycloak for one of the realm's users, or null when Keycloak refuses the password. */
    public String token(String username, String password) {
        return client.token(username, password);
    }

    /** GET through the gateway, the answer read as JSON (an empty object for an empty body). */
    public JsonNode get(String path, String token) {
        return json(send("GET", path, token, null, Map.of()));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    /** JSON text as a tree; an empty object for a blank text. */
    public static JsonNode parse(String json) {
        return StackClient.parse(json);
    }

    /** A call through the gateway ({@code path} under it), recorded among the {@link #exchanges()}. */
    public HttpResponse<String> send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpResponse<String> response = client.send(method, gateway + path, token, body, headers);
        exchanges.add(new Exchange(method, path, response.statusCode(), response.body()));
        return response;
    }

    private static String find(JsonNode items, String field, String value) {
        JsonNode found = findNode(items, field, value);
        return found == null ? null : found.path("memberId").asString(null);
    }

    private static JsonNode findNode(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asString(null))) {
                return item;
            }
        }
        return null;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new StackException("no link in the mail");
        }
        return matcher.group(1);
    }
}
