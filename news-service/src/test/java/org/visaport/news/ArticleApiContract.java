package org.visaport.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.visaport.news.article.Article;
import org.visaport.news.article.ArticleRepository;
import org.visaport.news.article.ArticleService;
import org.visaport.news.reading.ArticleFilter;
import org.visaport.news.reading.ArticleQueries;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.AsyncApiSchemas;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens;
import org.visaport.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The news service as readers, editors and downstream systems use it, over real HTTP with real tokens, against the
 * real broker and database. Each test makes its own articles, marked with words no other test uses.
 */
abstract class ArticleApiContract extends NewsApiSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ArticleService service;
    @Autowired
    private ArticleRepository articles;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private ArticleQueries queries;

    @Test
    void publishedArticlesShowTeasersToEveryoneAndTheFullTextToMembers() {
        JsonNode article = publish(create(article("Envoys meet in Vienna " + marker)));

        JsonNode anonymous = api.get("/api/news/articles/" + article.path("id").asString(), null).json();
        assertThat(anonymous.path("title").asString()).isEqualTo("Envoys meet in Vienna " + marker);
        assertThat(anonymous.path("dateline").path("display").asString()).isEqualTo("Vienna, Austria — 3 Oct 2016");
        assertThat(anonymous.path("membersOnly").asBoolean()).isTrue();
        assertThat(anonymous.path("bodyHtml").isNull()).isTrue();

        JsonNode member = api.get("/api/news/articles/by-slug/" + article.path("slug").asString(), token(DemoUser.MEMBER)).json();
        assertThat(member.path("membersOnly").asBoolean()).isFalse();
        assertThat(member.path("bodyHtml").asString()).contains("<strong>envoys</strong>");
        assertThat(api.get("/api/news/articles/" + article.path("id").asString(), token(DemoUser.APPLICANT)).json()
                .path("membersOnly").asBoolean()).as("an applicant is not a member yet").isTrue();
    }

    @Test
    void draftsAndEmbargoedArticlesDoNotExistForReadersUntilTheEmbargoLifts() {
        JsonNode draft = create(article("Embargoed communique " + marker));
        String id = draft.path("id").asString();
        assertHidden(id, draft.path("slug").asString());

        Instant embargo = Instant.now().plusSeconds(3);
        JsonNode scheduled = action(id, "schedule", Map.of("version", draft.path("version").asLong(), "publishAt", embargo.toString()));
        assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
        assertHidden(id, scheduled.path("slug").asString());

        JsonNode visible = awaitVisible(id);
        assertThat(Instant.parse(visible.path("publishedAt").asString())).isAfterOrEqualTo(embargo);
        try (TopicReader events = new TopicReader(parts.kafkaBootstrapServers(), "visaport.article.events")) {
            List<ConsumerRecord<String, String>> records = events.awaitKey(id, r -> !r.isEmpty(), Duration.ofSeconds(30));
            JsonNode published = JSON.readTree(records.getFirst().value());
            assertThat(published.path("type").asString()).isEqualTo("article.published");
            assertThat(Instant.parse(published.path("time").asString())).isAfterOrEqualTo(embargo);
        }
    }

    @Test
    void languageVersionsOfAStoryAreLinked() {
        JsonNode english = publish(create(article("Summit closes " + marker)));
        JsonNode french = publish(create(article("Le sommet se termine " + marker, "Texte.",
                Map.of("language", "fr", "translationOf", english.path("id").asString()))));

        JsonNode seen = api.get("/api/news/articles/" + english.path("id").asString(), null).json();

        assertThat(french.path("translationGroup").asString()).isEqualTo(english.path("translationGroup").asString());
        assertThat(seen.path("translations").get(0).path("language").asString()).isEqualTo("fr");
        assertThat(seen.path("translations").get(0).path("slug").asString()).isEqualTo(french.path("slug").asString());
    }

    @Test
    void aScheduledArticleIsPublishedOnceWhenTwoInstancesRaceForIt() {
        JsonNode draft = create(article("Race " + marker));
        String id = draft.path("id").asString();
        action(id, "schedule", Map.of("version", draft.path("version").asLong(), "publishAt", Instant.now().plusSeconds(3600).toString()));
        // The embargo lifts; both "instances" read the article before either of them publishes it.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("publishAt", Instant.now().minusSeconds(1)), "articles");
        Article first = articles.findById(id).orElseThrow();
        Article second = articles.findById(id).orElseThrow();

        boolean firstPublished = service.publishIfDue(first);
        boolean secondPublished = service.publishIfDue(second);

        assertThat(List.of(firstPublished, secondPublished)).containsExactlyInAnyOrder(true, false);
        try (TopicReader events = new TopicReader(parts.kafkaBootstrapServers(), "visaport.article.events")) {
            events.awaitKey(id, r -> !r.isEmpty(), Duration.ofSeconds(30));
            sleep(1500);
            assertThat(distinctTypes(events.awaitKey(id, r -> true, Duration.ofSeconds(1)))).containsExactly("article.published");
        }
    }

    @Test
    void searchFindsArticlesByTheirWordsTitleMatchesFirst() {
        publish(create(article("Grain corridor talks resume", "The " + marker + " delegation arrived late.")));
        publish(create(article("Delegation " + marker + " arrives", "Nothing else to report.")));
        publish(create(article("Unrelated briefing on fisheries", "No match here.")));

        JsonNode found = api.get("/api/news/articles?q=" + marker.toUpperCase(), token(DemoUser.MEMBER)).json();

        assertThat(titles(found)).containsExactly("Delegation " + marker + " arrives", "Grain corridor talks resume");
        assertThat(titles(api.get("/api/news/articles?q=" + marker + "+fisheries", token(DemoUser.MEMBER)).json())).isEmpty();
    }

    @Test
    void aMemberMadeForTheTestReadsAsAMember() {
        publish(create(article("Harbour dues", "The " + marker + " tariff doubles in spring.")));
        KeycloakTokens.TestUser reader = parts.keycloak().newUser("member");
        String token = parts.keycloak().accessToken(reader);

        assertThat(KeycloakTokens.claims(token).path("sub").asString()).isEqualTo(reader.id());
        assertThat(KeycloakTokens.claims(token).path("name").asString()).isEqualTo(reader.displayName());
        assertThat(titles(api.get("/api/news/articles?q=" + marker, token).json())).containsExactly("Harbour dues");
    }

    @Test
    void readersWithoutMembershipCannotProbeTheMembersOnlyTextBySearching() {
        publish(create(article("Exercise schedule", "The manoeuvre was a " + marker + " misread, the attaché says.",
                Map.of("tags", List.of("defence-" + marker)))));
        publish(create(article("Note on the " + marker + " exercise", "Nothing secret.")));

        assertThat(titles(api.get("/api/news/articles?q=" + marker + "+misread", null).json())).as("anonymous").isEmpty();
        assertThat(titles(api.get("/api/news/articles?q=" + marker + "+misread", token(DemoUser.APPLICANT)).json())).as("applicant").isEmpty();
        assertThat(titles(api.get("/api/news/articles?q=" + marker + "+misread", token(DemoUser.MEMBER)).json())).as("member")
                .containsExactly("Exercise schedule");
        // Title, lede and tags stay searchable for everyone; a body match neither finds nor ranks.
        assertThat(titles(api.get("/api/news/articles?q=" + marker, null).json()))
                .containsExactly("Note on the " + marker + " exercise", "Exercise schedule");
        assertThat(titles(api.get("/api/news/articles?q=defence+" + marker, null).json())).containsExactly("Exercise schedule");
    }

    @Test
    void filtersByTagRegionCountryLanguageAndDate() {
        publish(create(article("Arctic council note " + marker, "Body.", Map.of("countries", List.of("NO", "IS"), "regions", List.of("arctic")))));
        publish(create(article("Note arctique " + marker, "Corps.", Map.of("language", "fr", "countries", List.of("FR")))));

        String base = "/api/news/articles?tag=" + marker;
        assertThat(titles(api.get(base, null).json())).hasSize(2);
        assertThat(titles(api.get(base + "&country=NO", null).json())).containsExactly("Arctic council note " + marker);
        assertThat(titles(api.get(base + "&region=arctic", null).json())).containsExactly("Arctic council note " + marker);
        assertThat(titles(api.get(base + "&language=fr", null).json())).containsExactly("Note arctique " + marker);
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(titles(api.get(base + "&from=" + today + "&to=" + today, null).json())).hasSize(2);
        assertThat(titles(api.get(base + "&to=2016-01-01", null).json())).isEmpty();
    }

    @Test
    void pagesThroughAListWithCursors() {
        for (int i = 1; i <= 5; i++) {
            publish(create(article("Bulletin " + i + " " + marker)));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/news/articles?tag=" + marker + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null).json();
            seen.addAll(titles(page));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("Bulletin 5 " + marker, "Bulletin 4 " + marker, "Bulletin 3 " + marker,
                "Bulletin 2 " + marker, "Bulletin 1 " + marker);
    }

    @Test
    void aTitleUsedMoreOftenThanThereAreNumberedSlugsStillMakesDrafts() {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            slugs.add(create(article("Weekly digest " + marker)).path("slug").asString());
        }

        assertThat(slugs).doesNotHaveDuplicates().allMatch(slug -> slug.startsWith("weekly-digest-" + marker));
    }

    @Test
    void anEditBasedOnAnOldVersionIsAConflict() {
        JsonNode draft = create(article("Draft statement " + marker));
        Map<String, Object> edit = article("Draft statement, revised " + marker);
        edit.put("version", draft.path("version").asLong());
        assertThat(api.put("/api/admin/news/articles/" + draft.path("id").asString(), token(DemoUser.EDITOR), edit).status()).isEqualTo(200);

        ApiClient.Reply stale = api.put("/api/admin/news/articles/" + draft.path("id").asString(), token(DemoUser.EDITOR), edit);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("type").asString()).isEqualTo("https://visaport.example/problems/conflict");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(draft.path("version").asLong() + 1);
    }

    @Test
    void draftsRenamedToTheSameTitleAtOnceGetDistinctSlugsOrASlugTakenConflict() {
        String editor = token(DemoUser.EDITOR);
        Map<String, Object> renamed = article("Joint statement " + marker);
        boolean clashed = false;
        List<String> slugs = new ArrayList<>();
        // The slug is checked, then saved: editors who rename at the same moment can both see it free. The unique
        // index lets one of them have it; the others get a conflict of their own kind and their edit again succeeds.
        for (int round = 1; round <= 5 && !clashed; round++) {
            List<JsonNode> drafts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                drafts.add(create(article("Draft " + round + "-" + i + " " + marker)));
            }
            List<ApiClient.Reply> replies = race(drafts.stream().<Callable<ApiClient.Reply>>map(draft -> () -> {
                Map<String, Object> edit = new HashMap<>(renamed);
                edit.put("version", draft.path("version").asLong());
                return api.put("/api/admin/news/articles/" + draft.path("id").asString(), editor, edit);
            }).toList());
            for (int i = 0; i < drafts.size(); i++) {
                ApiClient.Reply reply = replies.get(i);
                if (reply.status() == 409) {
                    clashed = true;
                    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(reply.json().path("type").asString()).as(reply.body()).isEqualTo("https://visaport.example/problems/slug-taken");
                    assertThat(reply.json().path("currentVersion").asLong()).isEqualTo(drafts.get(i).path("version").asLong());
                    Map<String, Object> again = new HashMap<>(renamed);
                    again.put("version", reply.json().path("currentVersion").asLong());
                    reply = api.put("/api/admin/news/articles/" + drafts.get(i).path("id").asString(), editor, again);
                }
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                slugs.add(reply.json().path("slug").asString());
            }
        }
        assertThat(slugs).doesNotHaveDuplicates().allMatch(slug -> slug.startsWith("joint-statement-" + marker));
        assumeThat(clashed).as("two renames met at the unique index in one of the rounds").isTrue();
    }

    @Test
    void searchLoadsWhatItRanksAndShowsButNotTheText() {
        publish(create(article("Pipeline talks " + marker, "A long body about the " + marker + " pipeline.")));

        var found = queries.search(new ArticleFilter(null, marker, null, null, null, null, null, null, null), List.of(marker), true);

        Article hit = found.items().getFirst();
        assertThat(hit.getTitle()).isEqualTo("Pipeline talks " + marker);
        assertThat(hit.getDateline().place()).isEqualTo("Vienna, Austria");
        assertThat(hit.getPublishedAt()).isNotNull();
        assertThat(hit.getTitleTerms()).contains(marker);
        assertThat(hit.getBodyTerms()).contains(marker, "pipeline");
        assertThat(hit.getBody()).isNull();
        assertThat(hit.getBodyHtml()).isNull();
        assertThat(hit.getAuthor()).isNull();
    }

    @Test
    void scriptsInTheBodyNeverReachReaders() {
        JsonNode article = publish(create(article("Sanitised " + marker,
                "Text <script>alert('x')</script> [link](javascript:alert(1)) <img src=x onerror=alert(1)>")));

        String html = api.get("/api/news/articles/" + article.path("id").asString(), token(DemoUser.MEMBER)).json().path("bodyHtml").asString();

        assertThat(html.toLowerCase()).doesNotContainPattern("<(script|img)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContainPattern("href=\"\\s*javascript:");
    }

    @Test
    void badInputGetsProblemDetailsWithFieldErrors() {
        Map<String, Object> noTitle = article("x");
        noTitle.remove("title");
        assertFieldError(api.post("/api/admin/news/articles", token(DemoUser.EDITOR), noTitle), "title");
        assertFieldError(api.post("/api/admin/news/articles", token(DemoUser.EDITOR), article("Long", "x".repeat(100_001))), "body");
        assertFieldError(api.post("/api/admin/news/articles", token(DemoUser.EDITOR),
                article("Country", "Body.", Map.of("countries", List.of("XX")))), "countries[0]");
        assertFieldError(api.post("/api/admin/news/articles", token(DemoUser.EDITOR),
                article("Language", "Body.", Map.of("language", "not a language"))), "language");
        assertFieldError(api.post("/api/admin/news/articles", token(DemoUser.EDITOR), "{\"title\": "), null);
        assertFieldError(api.get("/api/news/articles?limit=101", null), "limit");
        assertFieldError(api.get("/api/news/articles?limit=many", null), "limit");
        assertFieldError(api.get("/api/news/articles?from=2020-05-01&to=2020-01-01", null), "dateRange");
        assertFieldError(api.get("/api/news/articles?cursor=bm90LWEtY3Vyc29y", null), "cursor");
        assertFieldError(api.get("/api/news/articles?country=XX", null), "country");
        ApiClient.Reply huge = api.post("/api/admin/news/articles", token(DemoUser.EDITOR), article("Huge", "x".repeat(2_000_000)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("type").asString()).isEqualTo("https://visaport.example/problems/payload-too-large");
    }

    @Test
    void onlyEditorsAndAdminsWrite() {
        assertThat(api.post("/api/admin/news/articles", token(DemoUser.MEMBER), article("Member try " + marker)).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/news/articles", null, article("Anonymous try " + marker)).status()).isEqualTo(401);
        assertThat(api.post("/api/admin/news/articles", token(DemoUser.ADMIN), article("Admin writes " + marker)).status()).isEqualTo(201);
    }

    @Test
    void aRetractedArticleShowsTheReasonInsteadOfTheText() {
        JsonNode article = publish(create(article("Disputed account " + marker)));

        JsonNode retracted = action(article.path("id").asString(), "retract",
                Map.of("version", article.path("version").asLong(), "reason", "The account could not be confirmed."));

        JsonNode seen = api.get("/api/news/articles/" + retracted.path("id").asString(), token(DemoUser.MEMBER)).json();
        assertThat(seen.path("retraction").path("reason").asString()).isEqualTo("The account could not be confirmed.");
        assertThat(seen.path("bodyHtml").isNull()).isTrue();
        assertThat(titles(api.get("/api/news/articles?tag=" + marker, null).json())).isEmpty();
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneArticle() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Reply first = api.send("POST", "/api/admin/news/articles", token(DemoUser.EDITOR), article("Once " + marker), key);
        ApiClient.Reply retry = api.send("POST", "/api/admin/news/articles", token(DemoUser.EDITOR), article("Once " + marker), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    }

    @Test
    void theSameIdempotencyKeyForAnotherArticleIsRefusedAndMakesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        api.send("POST", "/api/admin/news/articles", token(DemoUser.EDITOR), article("First use " + marker), key);

        ApiClient.Reply reused = api.send("POST", "/api/admin/news/articles", token(DemoUser.EDITOR), article("Other article " + marker), key);

        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.json().path("type").asString()).isEqualTo("https://visaport.example/problems/idempotency-key-reused");
        assertThat(articles.findAll()).noneMatch(a -> a.getTitle().equals("Other article " + marker));
    }

    @Test
    void aMalformedIdempotencyKeyIsAFieldErrorNotACrash() {
        for (String key : List.of("k".repeat(101), "short", "spaces are not allowed")) {
            ApiClient.Reply reply = api.send("POST", "/api/admin/news/articles", token(DemoUser.EDITOR), article("Keyed " + marker),
                    Map.of("Idempotency-Key", key));
            assertFieldError(reply, "Idempotency-Key");
        }
        assertThat(articles.findAll()).noneMatch(a -> a.getTitle().equals("Keyed " + marker));
    }

    @Test
    void aCursorIsValidOnlyForTheListThatIssuedItAndCannotBeForged() {
        for (int i = 1; i <= 3; i++) {
            publish(create(article("Dispatch " + i + " " + marker)));
        }
        String cursor = api.get("/api/news/articles?tag=" + marker + "&limit=1", null).json().path("nextCursor").asString();

        assertFieldError(api.get("/api/news/articles?tag=other-tag&limit=1&cursor=" + cursor, null), "cursor");
        assertFieldError(api.get("/api/news/articles?q=" + marker + "&cursor=" + cursor, null), "cursor");
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        assertFieldError(api.get("/api/news/articles?tag=" + marker + "&limit=1&cursor=" + tampered, null), "cursor");
        assertThat(api.get("/api/news/articles?tag=" + marker + "&limit=1&cursor=" + cursor, null).status()).isEqualTo(200);
    }

    @Test
    void downstreamSystemsGetEveryVisibleChangeInOrderMatchingTheDocumentedSchema() {
        JsonNode draft = create(article("Treaty text " + marker));
        Map<String, Object> draftEdit = article("Treaty text, draft two " + marker);
        draftEdit.put("version", draft.path("version").asLong());
        JsonNode edited = api.put("/api/admin/news/articles/" + draft.path("id").asString(), token(DemoUser.EDITOR), draftEdit).json();
        String id = edited.path("id").asString();
        JsonNode published = publish(edited);
        Map<String, Object> liveEdit = article("Treaty text, final " + marker);
        liveEdit.put("version", published.path("version").asLong());
        JsonNode updated = api.put("/api/admin/news/articles/" + id, token(DemoUser.EDITOR), liveEdit).json();
        JsonNode corrected = action(id, "corrections", Map.of("version", updated.path("version").asLong(), "note", "Article 4 was misquoted."));
        JsonNode toggled = action(id, "comments", Map.of("version", corrected.path("version").asLong(), "enabled", false));
        action(id, "retract", Map.of("version", toggled.path("version").asLong(), "reason", "Superseded."));

        try (TopicReader events = new TopicReader(parts.kafkaBootstrapServers(), "visaport.article.events")) {
            List<ConsumerRecord<String, String>> records = events.awaitKey(id, r -> distinctTypes(r).size() >= 5, Duration.ofSeconds(30));

            assertThat(distinctTypes(records)).containsExactly("article.published", "article.updated",
                    "article.corrected", "article.comments-toggled", "article.retracted");
            for (ConsumerRecord<String, String> record : records) {
                assertThat(AsyncApiSchemas.violations("ArticleEvent", record.value())).as(record.value()).isEmpty();
                JsonNode event = JSON.readTree(record.value());
                assertThat(event.path("subject").asString()).isEqualTo(id);
                assertThat(record.value()).doesNotContain("@visaport.local");
            }
            JsonNode last = JSON.readTree(records.getLast().value()).path("data");
            assertThat(last.path("retraction").path("reason").asString()).isEqualTo("Superseded.");
            assertThat(last.path("body").isNull()).isTrue();
        }
    }

    private static List<String> distinctTypes(List<ConsumerRecord<String, String>> records) {
        var ids = new LinkedHashSet<String>();
        var types = new ArrayList<String>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            // At least once: a re-sent event has the same id and is counted once, as consumers do.
            if (ids.add(event.path("id").asString())) {
                types.add(event.path("type").asString());
            }
        }
        return types;
    }

    private void assertHidden(String id, String slug) {
        assertThat(api.get("/api/news/articles/" + id, token(DemoUser.MEMBER)).status()).isEqualTo(404);
        assertThat(api.get("/api/news/articles/by-slug/" + slug, null).status()).isEqualTo(404);
        assertThat(titles(api.get("/api/news/articles?tag=" + marker, null).json())).isEmpty();
    }

    private JsonNode awaitVisible(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Reply reply = api.get("/api/news/articles/" + id, null);
            if (reply.status() == 200) {
                return reply.json();
            }
            sleep(250);
        }
        throw new AssertionError("article " + id + " did not appear after its embargo");
    }

    /** Runs the calls at the same moment, each on its own thread, and returns their results in order. */
    private static <T> List<T> race(List<Callable<T>> calls) {
        var start = new CyclicBarrier(calls.size());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> results = new ArrayList<>();
            for (var call : calls) {
                results.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> done = new ArrayList<>();
            for (var result : results) {
                done.add(result.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
