package org.visaport.deploy;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `./visaport bench`: measures the running local stack in about ten minutes and writes the table into
 * docs/benchmarks.md. It reports figures against their targets and never fails on a missed one; it fails only when the
 * stack is not running or its requests keep failing. Phases, in this order so the members' per-minute budgets at the
 * gateway are fresh for the timed single requests: a briefing's notification (feed and live stream), a comment's way
 * into its thread, throughput through the gateway and directly, latency at half the gateway's maximum, conditional
 * GETs, and memory per part.
 */
public final class Bench {

    static final String COMMAND = "./visaport bench";
    private static final String LIST = "/api/news/articles?limit=20";
    private static final int CONNECTIONS = 16;
    /**
     * Long enough for every part on the list's path to have compiled it (C1 does within a few hundred calls); kept at
     * the 45 s it had when the gateway ran C2, which needed some 10 000, so that runs stay comparable.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(45);
    private static final Duration FULL_LOAD = Duration.ofSeconds(45);
    private static final Duration PACED = Duration.ofSeconds(40);
    private static final Duration CACHING = Duration.ofSeconds(30);
    private static final int BRIEFINGS = 40;
    private static final int BRIEFINGS_WARM_UP = 3;
    private static final Duration BRIEFINGS_AT_MOST = Duration.ofSeconds(150);
    private static final Duration COMMENTS_AT_MOST = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(5);
    private static final int MOST_PAGES = 200;
    private static final int THREADS = 3;
    private static final int POSTS_PER_MEMBER = 12;
    private static final double GATEWAY_RATIO_TARGET = 0.8;
    private static final Duration NOTIFICATION_TARGET = Duration.ofMillis(50);
    private static final Duration COMMENT_TARGET = Duration.ofMillis(30);

    /** A demo user; {@code role} names them in comment texts and notes, where an address does not belong. */
    private record User(String name, String password, String role) {
    }

    private static final User MEMBER = new User("member@visaport.local", "Member-Local-2026", "member");
    private static final User EDITOR = new User("editor@visaport.local", "Editor-Local-2026", "editor");
    private static final User MODERATOR = new User("moderator@visaport.local", "Moderator-Local-2026", "moderator");
    private static final User ADMIN = new User("admin@visaport.local", "Admin-Local-2026", "admin");

    /** Two closed-model runs, each direct and through the gateway, and the better of each. */
    private record Throughput(List<Wrk.Result> direct, List<Wrk.Result> gateway) {

        double bestDirect() {
            return direct.stream().mapToDouble(Wrk.Result::answeredPerSecond).max().orElse(0);
        }

        double bestGateway() {
            return gateway.stream().mapToDouble(Wrk.Result::answeredPerSecond).max().orElse(0);
        }
    }

    private final StackSettings settings;
    private final PrintStream out;
    private final StackClient client;
    private final String gateway;
    private final String news;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<BenchReport.Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Bench(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.client = new StackClient(settings);
        this.gateway = "http://127.0.0.1:" + settings.port("gateway");
        this.news = "http://127.0.0.1:" + settings.port("news");
    }

    public void run() {
        long began = System.nanoTime();
        StackState stack = runningStack();
        Wrk wrk = Wrk.find(out);
        noteRateLimits();
        List<String> briefings = notifications();
        comments(briefings.subList(0, Math.min(THREADS, briefings.size())));
        Throughput throughput = throughput(wrk);
        addedLatency(throughput.bestGateway() / 2);
        caching(wrk);
        BenchReport report = new BenchReport(Instant.now(), Duration.ofNanos(System.nanoTime() - began), COMMAND,
                Machine.describe(), rows, footprint(stack), notes);
        Path file = settings.projectDirectory().resolve("docs/benchmarks.md");
        report.writeInto(file);
        out.println();
        out.println(report.markdown());
        out.println("Written to " + file + ".");
    }

    private StackState runningStack() {
        StackState stack = StackState.read(settings.run()).filter(StackState::stackAlive)
                .orElseThrow(() -> new StackException("VisaPort is not running; start it with ./visaport up, then run the benchmark"));
        for (StackState.Part part : stack.parts()) {
            boolean answers = part.readiness().startsWith("tcp:")
                    ? Readiness.portOpen("127.0.0.1", Integer.parseInt(part.readiness().substring(4)))
                    : Readiness.httpOk(URI.create(part.readiness()));
            if (!answers) {
                throw new StackException(part.name() + " does not answer at " + part.readiness() + "; see ./visaport status");
            }
        }
        if (!Readiness.httpOk(URI.create(gateway + "/readyz"))) {
            throw new StackException("the gateway is not ready (" + gateway + "/readyz); see ./visaport status");
        }
        return stack;
    }

    /** The gateway's limits count every call of the load phases; lifted ones measure the gateway, not its limiter. */
    private void noteRateLimits() {
        String member = client.send("GET", gateway + LIST, token(MEMBER), null, Map.of()).headers().firstValue("RateLimit-Limit").orElse("none");
        String address = client.send("GET", gateway + LIST, null, null, Map.of()).headers().firstValue("RateLimit-Limit").orElse("none");
        String limits = "The gateway's rate limits in force: " + member + " calls a minute per member, " + address + " per address.";
        if (isBelow(member, 1_000_000) || isBelow(address, 1_000_000)) {
            limits += " They throttle the load phases (429s show as failed answers below): start the stack with"
                    + " `GATEWAY_RATE_LIMIT_PER_MEMBER=100000000 GATEWAY_RATE_LIMIT_PER_ADDRESS=100000000 ./visaport up` to measure"
                    + " the gateway rather than its limiter.";
            out.println("! " + limits);
        }
        notes.add(limits);
    }

    private static boolean isBelow(String limit, long bound) {
        return limit.chars().allMatch(Character::isDigit) && Long.parseLong(limit) < bound;
    }

    /**
     * A member follows a tag of the benchmark's own with the live stream open; an editor publishes briefings with that
     * tag one after another. Per briefing: from the publish call's answer to the stream's event naming it, and to the
     * first feed read that lists it. The feed is read from the moment the stream tells of the item, as the page's bell
     * does: reads 5 ms apart from the publish on would load the two cores the event itself travels on, and the stream
     * is sent only once the item is stored, so this read is the first that can list it on the instance that stored it.
     */
    private List<String> notifications() {
        String tag = "bench-" + suffix;
        out.println("Notifications: publishing up to " + (BRIEFINGS + BRIEFINGS_WARM_UP) + " briefings tagged " + tag
                + " (" + BRIEFINGS_WARM_UP + " to warm up); a member follows the tag with the live stream open ...");
        String member = token(MEMBER);
        String editor = token(EDITOR);
        ObjectNode before = (ObjectNode) expect(client.send("GET", gateway + "/api/notifications/subscriptions", member, null, Map.of()), 200);
        before.remove("mandatory");
        ObjectNode following = before.deepCopy();
        following.withArray("tags").add(tag);
        following.set("articles", StackClient.parse("{\"enabled\":true,\"channels\":[\"IN_APP\"],\"cadence\":\"IMMEDIATE\"}"));
        expect(client.send("PUT", gateway + "/api/notifications/subscriptions", member, following, Map.of()), 200);
        List<String> published = new ArrayList<>();
        List<Duration> toFeed = new ArrayList<>();
        List<Duration> toStream = new ArrayList<>();
        int missed = 0;
        long deadline = System.nanoTime() + BRIEFINGS_AT_MOST.toNanos();
        long listening = System.nanoTime();
        try (StackClient.LiveStream live = client.listen(gateway + "/api/notifications/stream", member)) {
            if (arrival(live, line -> line.startsWith("event:ready") || line.startsWith("event: ready"), listening).isEmpty()) {
                throw new StackException("the live stream " + gateway + "/api/notifications/stream sent no 'ready' event within "
                        + PATIENCE.toSeconds() + " s");
            }
            for (int i = 0; i < BRIEFINGS + BRIEFINGS_WARM_UP && System.nanoTime() < deadline; i++) {
                JsonNode draft = expect(client.send("POST", gateway + "/api/admin/news/articles", editor, Map.of(
                        "title", "Benchmark briefing " + suffix + " no. " + (i + 1), "lede", "Published by ./visaport bench.",
                        "body", "Measured text.", "language", "en", "tags", List.of(tag),
                        "dateline", Map.of("place", "Vienna, Austria", "date", LocalDate.now().toString())), Map.of()), 201);
                String id = draft.path("id").asString();
                long publishing = System.nanoTime();
                expect(client.send("POST", gateway + "/api/admin/news/articles/" + id + "/publish", editor,
                        Map.of("version", draft.path("version").asLong()), Map.of()), 200);
                long returned = System.nanoTime();
                published.add(id);
                // The stream can tell of the item before the publish call's answer is read: that is no wait at all.
                Optional<Long> stream = arrival(live, line -> line.startsWith("data:") && line.contains(id), publishing)
                        .map(arrived -> Math.max(arrived, returned));
                Optional<Long> feed = pollUntil(() -> client.send("GET", gateway + "/api/notifications/feed?limit=10", member, null, Map.of()),
                        response -> response.statusCode() == 200 && response.body().contains(id));
                if (feed.isEmpty() || stream.isEmpty()) {
                    missed++;
                } else if (i >= BRIEFINGS_WARM_UP) {
                    toFeed.add(Duration.ofNanos(feed.get() - returned));
                    toStream.add(Duration.ofNanos(stream.get() - returned));
                }
            }
        } finally {
            client.send("PUT", gateway + "/api/notifications/subscriptions", token(MEMBER), before, Map.of());
        }
        if (toFeed.isEmpty()) {
            throw new StackException("no published briefing reached the member's feed and live stream within " + PATIENCE.toSeconds() + " s");
        }
        rows.add(targeted("`article.published` → item in the feed", Latencies.of(toFeed), NOTIFICATION_TARGET));
        rows.add(targeted("`article.published` → event on the live stream (SSE)", Latencies.of(toStream), NOTIFICATION_TARGET));
        if (missed > 0) {
            notes.add(missed + " published briefings did not reach the feed or the stream within " + PATIENCE.toSeconds() + " s.");
        }
        notes.add(published.size() + " briefings tagged `" + tag + "` were published by the editor and stay published.");
        return published;
    }

    /**
     * Members post, one comment after another, into a few of the benchmark's new threads; per visible comment, from the
     * post's answer to the first anonymous read of the thread through the gateway that shows it. A member qualifies
     * when their comments go live at once (post-moderation): one who is still "new" earns the trust the product's way,
     * by a moderator approving their first comments; one held for any other reason is left out, and the notes say why.
     * Each member stays within the posting limit per window, which a moderator raises to {@value #POSTS_PER_MEMBER} for
     * the benchmark (so the percentiles rest on some forty comments, not eight) and sets back afterwards.
     */
    private void comments(List<String> threads) {
        String moderator = token(MODERATOR);
        String settings = gateway + "/api/admin/comments/settings";
        JsonNode site = expect(client.send("GET", settings, moderator, null, Map.of()), 200);
        int siteLimit = site.path("postsPerWindow").asInt(5);
        int perMember = Math.max(siteLimit, POSTS_PER_MEMBER);
        HttpResponse<String> raising = client.send("PUT", settings, moderator, settingsRequest(site, perMember), Map.of());
        if (raising.statusCode() != 200) {
            perMember = siteLimit;
            notes.add("The moderator could not raise the posting limit for the benchmark (" + raising.statusCode()
                    + "), so each member posted at most the site's " + perMember + ".");
        }
        out.println("Comments: up to " + perMember + " posts per member (the posting limit per " + site.path("postingWindow").asString("window")
                + " for the benchmark; the site's is " + siteLimit + ") into " + threads.size() + " new threads ...");
        List<Duration> visible = new ArrayList<>();
        List<String> qualified = new ArrayList<>();
        int approvedForTrust = 0;
        int limited = 0;
        long deadline = System.nanoTime() + COMMENTS_AT_MOST.toNanos();
        try {
            for (User poster : List.of(MEMBER, MODERATOR, EDITOR, ADMIN)) {
                String token = token(poster);
                for (int post = 0; post < perMember && System.nanoTime() < deadline; post++) {
                    String thread = threads.get((visible.size() + approvedForTrust) % threads.size());
                    HttpResponse<String> answer = client.send("POST", gateway + "/api/comments/articles/" + thread + "/comments", token,
                            Map.of("text", "Comment " + (post + 1) + " of the benchmark " + suffix + " by the demo " + poster.role() + "."), Map.of());
                    long returned = System.nanoTime();
                    if (answer.statusCode() == 429) {
                        limited++;
                        break;
                    }
                    if (answer.statusCode() != 201) {
                        notes.add("The demo " + poster.role() + "'s comment was answered " + answer.statusCode() + " ("
                                + StackClient.parse(answer.body()).path("type").asString("no problem type") + "), so their comments were left out.");
                        break;
                    }
                    JsonNode posted = StackClient.parse(answer.body());
                    String id = posted.path("comment").path("id").asString();
                    if (posted.path("visible").asBoolean()) {
                        if (!qualified.contains(poster.role())) {
                            qualified.add(poster.role());
                        }
                        pollUntil(() -> client.send("GET", gateway + "/api/comments/articles/" + thread + "/comments?sort=newest&limit=10",
                                null, null, Map.of()), response -> response.statusCode() == 200 && response.body().contains(id))
                                .ifPresentOrElse(seen -> visible.add(Duration.ofNanos(seen - returned)),
                                        () -> notes.add("A visible comment (" + id + ") did not show in its thread within " + PATIENCE.toSeconds() + " s."));
                    } else if (heldOnlyAsNew(posted)) {
                        int approval = client.send("POST", gateway + "/api/admin/comments/comments/" + id + "/decisions", moderator,
                                Map.of("action", "approve", "reason", "earning trust for the benchmark"), Map.of()).statusCode();
                        if (approval != 200) {
                            notes.add("The moderator could not approve the demo " + poster.role() + "'s comment (" + approval
                                    + "), so their comments were left out.");
                            break;
                        }
                        approvedForTrust++;
                    } else {
                        notes.add("The demo " + poster.role() + "'s comments wait for a moderator (" + posted.path("comment").path("reasons")
                                .findValuesAsString("rule") + "), so they were left out.");
                        break;
                    }
                }
            }
        } finally {
            if (raising.statusCode() == 200) {
                restorePostingLimit(settings, site, siteLimit, perMember);
            }
        }
        if (visible.isEmpty()) {
            rows.add(new BenchReport.Row("comment posted → visible in the thread, via gateway",
                    "no demo member's comments go live without waiting (see the notes)", "p99 < " + BenchReport.milliseconds(COMMENT_TARGET), "no"));
        } else {
            rows.add(targeted("comment posted → visible in the thread, via gateway", Latencies.of(visible), COMMENT_TARGET));
        }
        notes.add((qualified.isEmpty() ? "No demo user's comment went live at once" : "Visible comments were posted by the demo "
                + String.join(", ", qualified))
                + (approvedForTrust > 0 ? "; a moderator approved " + approvedForTrust + " earlier comments so their authors count as trusted" : "")
                + (limited > 0 ? "; " + limited + " posts met the posting limit (429) and ended that member's turn" : "") + ".");
    }

    /** Sets the site's posting limit back after the comment phase, and says so loudly if that fails. */
    private void restorePostingLimit(String settings, JsonNode site, int siteLimit, int raisedTo) {
        String answer;
        try {
            answer = String.valueOf(client.send("PUT", settings, token(MODERATOR), settingsRequest(site, siteLimit), Map.of()).statusCode());
        } catch (RuntimeException unanswered) {
            answer = unanswered.getMessage();
        }
        if (!answer.equals("200")) {
            String unrestored = "The moderator could not set the posting limit back to the site's " + siteLimit + " (" + answer
                    + "): it stays at " + raisedTo + " per " + site.path("postingWindow").asString("window")
                    + " until a moderator changes it in the comment settings.";
            out.println("! " + unrestored);
            notes.add(unrestored);
        }
    }

    /** The site's comment settings as a moderator sends them, with another posting limit. */
    private static ObjectNode settingsRequest(JsonNode site, int postsPerWindow) {
        ObjectNode request = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String field : List.of("policy", "trustAfter", "trustWindow", "reportThreshold", "linkLimit", "duplicateWindow",
                "postingWindow", "preModerationWindows")) {
            request.set(field, site.path(field));
        }
        return request.put("postsPerWindow", postsPerWindow);
    }

    private static boolean heldOnlyAsNew(JsonNode posted) {
        List<String> rules = posted.path("comment").path("reasons").findValuesAsString("rule");
        return !rules.isEmpty() && rules.stream().allMatch("new-member"::equals);
    }

    /**
     * The same request, a member's article list, directly at news-service and through the gateway: after a warm-up of
     * each, two rounds of both, wrk with {@value #CONNECTIONS} connections; the better round of each counts.
     */
    private Throughput throughput(Wrk wrk) {
        out.println("Throughput: " + LIST + " with a member's token, " + CONNECTIONS + " connections, warm-up "
                + WARM_UP.toSeconds() + " s each, then 2 rounds of " + FULL_LOAD.toSeconds() + " s direct and through the gateway ...");
        String warm = token(MEMBER);
        wrk.load(news + LIST, bearer(warm), CONNECTIONS, WARM_UP);
        wrk.load(gateway + LIST, bearer(warm), CONNECTIONS, WARM_UP);
        List<Wrk.Result> direct = new ArrayList<>();
        List<Wrk.Result> viaGateway = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            direct.add(answered(wrk.load(news + LIST, bearer(token(MEMBER)), CONNECTIONS, FULL_LOAD), "news-service directly"));
            viaGateway.add(answered(wrk.load(gateway + LIST, bearer(token(MEMBER)), CONNECTIONS, FULL_LOAD), "the gateway"));
        }
        Throughput throughput = new Throughput(direct, viaGateway);
        rows.add(BenchReport.Row.untargeted("article list, member token, directly at news-service: req/s (better of 2 rounds; p50 / p99)",
                rounds(direct)));
        rows.add(BenchReport.Row.untargeted("same, through the gateway: req/s", rounds(viaGateway)));
        double ratio = throughput.bestGateway() / throughput.bestDirect();
        rows.add(BenchReport.Row.against("gateway / direct throughput", String.format(Locale.ROOT, "%.3f", ratio),
                "≥ " + GATEWAY_RATIO_TARGET, ratio >= GATEWAY_RATIO_TARGET));
        failures("throughput, directly", direct);
        failures("throughput, through the gateway", viaGateway);
        notes.add("news-service lists " + publishedBriefings() + " published briefings. The local MongoDB stand-in reads all of"
                + " them for each list request, and every run adds " + (BRIEFINGS + BRIEFINGS_WARM_UP) + ", so compare the"
                + " throughputs and their ratio only between runs on data folders alike.");
        return throughput;
    }

    /** Counted through the public list, 100 a page (its largest), at most {@value #MOST_PAGES} pages. */
    private long publishedBriefings() {
        long listed = 0;
        String cursor = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            String uri = news + "/api/news/articles?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = expect(client.send("GET", uri, null, null, Map.of()), 200);
            listed += body.path("items").size();
            JsonNode next = body.path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                break;
            }
            cursor = next.asString();
        }
        return listed;
    }

    /**
     * Half the gateway's maximum, paced (open model): direct, then through the gateway, twice; each request timed from
     * when it was due, the two rounds' samples pooled.
     */
    private void addedLatency(double perSecond) {
        out.printf(Locale.ROOT, "Latency at half the gateway's maximum: %.0f req/s, 2 rounds of %d s direct and through the gateway ...%n",
                perSecond, PACED.toSeconds());
        List<PacedLoad.Result> direct = new ArrayList<>();
        List<PacedLoad.Result> viaGateway = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            direct.add(PacedLoad.run(client.http(), listRequest(news, token(MEMBER)), perSecond, PACED));
            viaGateway.add(PacedLoad.run(client.http(), listRequest(gateway, token(MEMBER)), perSecond, PACED));
        }
        Latencies directLatencies = pooled(direct);
        Latencies gatewayLatencies = pooled(viaGateway);
        String rate = String.format(Locale.ROOT, "%.0f req/s", perSecond);
        rows.add(BenchReport.Row.untargeted("article list at " + rate + " (half the gateway's maximum), directly: p50 / p99",
                pair(directLatencies)));
        rows.add(BenchReport.Row.untargeted("same, through the gateway: p50 / p99", pair(gatewayLatencies)));
        rows.add(BenchReport.Row.untargeted("latency the gateway adds at " + rate + ": p50 / p99",
                BenchReport.milliseconds(gatewayLatencies.p50().minus(directLatencies.p50())) + " / "
                        + BenchReport.milliseconds(gatewayLatencies.p99().minus(directLatencies.p99()))));
        int failed = direct.stream().mapToInt(PacedLoad.Result::failed).sum() + viaGateway.stream().mapToInt(PacedLoad.Result::failed).sum();
        if (failed > 0) {
            notes.add("Paced load: " + failed + " requests were not answered with 200 and are left out of the latencies.");
        }
    }

    private static Latencies pooled(List<PacedLoad.Result> rounds) {
        return Latencies.ofNanos(rounds.stream().flatMapToLong(round -> LongStream.of(round.latencies())).toArray());
    }

    /** The anonymous article list through the gateway, as wrk asks it: unconditionally, then with the current ETag. */
    private void caching(Wrk wrk) {
        out.println("Conditional GETs: the anonymous article list through the gateway, " + CACHING.toSeconds()
                + " s without and with If-None-Match ...");
        Optional<String> tag = client.send("GET", gateway + LIST, null, null, Map.of()).headers().firstValue("ETag");
        Wrk.Result plain = answered(wrk.load(gateway + LIST, Map.of(), CONNECTIONS, CACHING), "the gateway (anonymous)");
        rows.add(BenchReport.Row.untargeted("anonymous article list via gateway, no If-None-Match: req/s (p50 / p99)", round(plain)));
        failures("anonymous list", List.of(plain));
        if (tag.isEmpty()) {
            rows.add(BenchReport.Row.untargeted("same, with If-None-Match", "no ETag"));
            return;
        }
        int revalidated = client.send("GET", gateway + LIST, null, null, Map.of("If-None-Match", tag.get())).statusCode();
        Wrk.Result conditional = answered(wrk.load(gateway + LIST, Map.of("If-None-Match", tag.get()), CONNECTIONS, CACHING),
                "the gateway (anonymous, If-None-Match)");
        rows.add(BenchReport.Row.untargeted("same, with `If-None-Match` (the ETag of a first GET): req/s (p50 / p99)", round(conditional)));
        failures("anonymous list with If-None-Match", List.of(conditional));
        int after = client.send("GET", gateway + LIST, null, null, Map.of("If-None-Match", tag.get())).statusCode();
        notes.add("If-None-Match with the list's ETag was answered " + revalidated + " before the conditional run and " + after
                + " after it" + (revalidated == 304 && after == 304 ? "." : " (304 expected: the list changed meanwhile, or no 304 yet)."));
    }

    /**
     * Each part's resident memory now (its process and what it started), and its start-up as recorded: the launcher's
     * "ready after" (counted from `./visaport up`), and the part's own log line.
     */
    private List<BenchReport.Part> footprint(StackState stack) {
        List<BenchReport.Part> parts = new ArrayList<>();
        for (StackState.Part part : stack.parts()) {
            // The MongoDB-wire server runs inside the launcher's JVM, whose children are all the other parts.
            boolean launcher = part.pid() == stack.pid();
            String name = launcher ? part.name() + " (in the launcher's JVM)" : part.name();
            String ownLog = Footprint.startedOwnLog(settings.logs().resolve(part.name() + ".log"), part.name(), part.pid())
                    .map(started -> String.format(Locale.ROOT, "%.1f s", started.toMillis() / 1000.0)).orElse("—");
            parts.add(new BenchReport.Part(name, part.pid(), Footprint.rssBytes(part.pid(), !launcher),
                    stack.readyAfter(part.name()).map(ready -> ready.toSeconds() + " s").orElse("not recorded"), ownLog));
        }
        return parts;
    }

    private Wrk.Result answered(Wrk.Result result, String where) {
        if (result.requests() == result.failed()) {
            throw new StackException("every request wrk sent to " + where + " failed (" + result.failed() + " answers not 2xx or 3xx)");
        }
        return result;
    }

    private void failures(String what, List<Wrk.Result> results) {
        long failed = results.stream().mapToLong(Wrk.Result::failed).sum();
        long errors = results.stream().mapToLong(Wrk.Result::socketErrors).sum();
        long total = results.stream().mapToLong(Wrk.Result::requests).sum();
        if (failed + errors > 0) {
            notes.add(what + ": " + failed + " of " + total + " answers were not 2xx or 3xx, " + errors
                    + " socket errors or timeouts; req/s count only the good answers.");
        }
    }

    private Optional<Long> pollUntil(java.util.function.Supplier<HttpResponse<String>> read,
                                     java.util.function.Predicate<HttpResponse<String>> shows) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < giveUp) {
            HttpResponse<String> response = read.get();
            long seen = System.nanoTime();
            if (shows.test(response)) {
                return Optional.of(seen);
            }
            pause(response.statusCode() == 429 ? Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)) : POLL);
        }
        return Optional.empty();
    }

    /** When the first line at or after {@code since} that {@code matches} arrived on the stream, waiting up to {@link #PATIENCE}. */
    private static Optional<Long> arrival(StackClient.LiveStream live, java.util.function.Predicate<String> matches, long since) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < giveUp) {
            Optional<Long> arrived = live.lines().stream().filter(line -> line.arrivedNanos() >= since && matches.test(line.text()))
                    .map(StackClient.LiveStream.Line::arrivedNanos).findFirst();
            if (arrived.isPresent()) {
                return arrived;
            }
            pause(Duration.ofMillis(1));
        }
        return Optional.empty();
    }

    private String token(User user) {
        String token = client.token(user.name(), user.password());
        if (token == null) {
            throw new StackException("Keycloak refused the demo user " + user.name() + "'s password");
        }
        return token;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static HttpRequest listRequest(String base, String token) {
        return HttpRequest.newBuilder(URI.create(base + LIST)).header("Authorization", "Bearer " + token)
                .timeout(PATIENCE).GET().build();
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new StackException("expected " + status + " from " + response.request().method() + " " + response.request().uri()
                    + " but got " + response.statusCode() + ": " + response.body());
        }
        return StackClient.parse(response.body());
    }

    private static BenchReport.Row targeted(String figure, Latencies latencies, Duration p99Target) {
        return BenchReport.Row.against(figure + ": p50 / p99 (n = " + latencies.count() + ")", pair(latencies),
                "p99 < " + BenchReport.milliseconds(p99Target), latencies.p99().compareTo(p99Target) < 0);
    }

    private static String pair(Latencies latencies) {
        return BenchReport.milliseconds(latencies.p50()) + " / " + BenchReport.milliseconds(latencies.p99());
    }

    private static String round(Wrk.Result result) {
        return String.format(Locale.ROOT, "%.0f (%s / %s)", result.answeredPerSecond(), BenchReport.milliseconds(result.p50()),
                BenchReport.milliseconds(result.p99()));
    }

    private static String rounds(List<Wrk.Result> results) {
        Wrk.Result best = results.stream().max(java.util.Comparator.comparingDouble(Wrk.Result::answeredPerSecond)).orElseThrow();
        return "**" + round(best) + "**; rounds: " + String.join(", ", results.stream()
                .map(result -> String.format(Locale.ROOT, "%.0f", result.answeredPerSecond())).toList());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
