package org.visaport.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import tools.jackson.databind.JsonNode;

/**
 * The newsroom's list of its own articles, over real HTTP with real tokens. The list holds every test's articles, so
 * each test pages until its own have all shown, and checks the order over everything it read on the way.
 */
abstract class NewsroomListContract extends NewsApiSupport {

    private static final String LIST = "/api/admin/news/articles";
    private static final Comparator<JsonNode> NEWEST_CHANGE_FIRST = Comparator
            .comparing((JsonNode entry) -> Instant.parse(entry.path("updatedAt").asString()))
            .thenComparing(entry -> entry.path("id").asString()).reversed();

    @Test
    void anEditorPagesThroughTheDraftsNewestChangeFirst() {
        List<JsonNode> drafts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            drafts.add(create(article("Draft " + i + " " + marker)));
        }
        Map<String, Object> edit = article("Draft 2, revised " + marker);
        edit.put("version", drafts.get(1).path("version").asLong());
        assertThat(api.put(LIST + "/" + drafts.get(1).path("id").asString(), token(DemoUser.EDITOR), edit).status()).isEqualTo(200);

        Listing drafted = read("state=DRAFT", 2, 5, token(DemoUser.EDITOR));

        assertThat(drafted.pages()).as("five of ours, two a page").isGreaterThanOrEqualTo(3);
        assertThat(titles(drafted.mine(marker))).as("the one edited last on top").startsWith("Draft 2, revised " + marker)
                .containsExactlyInAnyOrder("Draft 1 " + marker, "Draft 2, revised " + marker, "Draft 3 " + marker,
                        "Draft 4 " + marker, "Draft 5 " + marker);
        assertThat(drafted.entries()).isSortedAccordingTo(NEWEST_CHANGE_FIRST)
                .allSatisfy(entry -> assertThat(entry.path("status").asString()).isEqualTo("DRAFT"))
                .extracting(entry -> entry.path("id").asString()).doesNotHaveDuplicates();
        JsonNode entry = drafted.mine(marker).getFirst();
        assertThat(entry.path("version").asLong()).isEqualTo(drafts.get(1).path("version").asLong() + 1);
        assertThat(entry.path("lede").asString()).isEqualTo("A short summary of Draft 2, revised " + marker + ".");
        assertThat(entry.path("dateline").path("place").asString()).isEqualTo("Vienna, Austria");
        assertThat(entry.has("body")).as("the list leaves the text to the article's own view").isFalse();
        assertThat(entry.has("bodyHtml")).isFalse();
    }

    @Test
    void scheduledArticlesComeInTheOrderTheirEmbargoesLift() {
        Instant now = Instant.now();
        for (int hours : List.of(3, 1, 2)) {
            JsonNode draft = create(article("Embargo " + hours + "h " + marker));
            action(draft.path("id").asString(), "schedule", Map.of("version", draft.path("version").asLong(),
                    "publishAt", now.plusSeconds(hours * 3600L).toString()));
        }

        Listing scheduled = read("state=SCHEDULED", 2, 3, token(DemoUser.EDITOR));

        assertThat(titles(scheduled.mine(marker))).containsExactly("Embargo 1h " + marker, "Embargo 2h " + marker,
                "Embargo 3h " + marker);
        assertThat(scheduled.entries()).isSortedAccordingTo(Comparator
                        .comparing((JsonNode e) -> Instant.parse(e.path("publishAt").asString()))
                        .thenComparing(e -> e.path("id").asString()))
                .allSatisfy(e -> assertThat(e.path("status").asString()).isEqualTo("SCHEDULED"));
    }

    @Test
    void publishedArticlesComeAsReadersSeeThemAndEverythingElseByItsLastChange() {
        JsonNode first = publish(create(article("Published first " + marker)));
        publish(create(article("Published second " + marker)));
        action(first.path("id").asString(), "corrections", Map.of("version", first.path("version").asLong(), "note", "A name was misspelt."));
        JsonNode withdrawn = publish(create(article("Withdrawn " + marker)));
        action(withdrawn.path("id").asString(), "retract", Map.of("version", withdrawn.path("version").asLong(), "reason", "Unconfirmed."));
        create(article("Still a draft " + marker));
        String editor = token(DemoUser.EDITOR);

        assertThat(titles(read("state=PUBLISHED", 50, 2, editor).mine(marker))).as("a correction moves nothing")
                .containsExactly("Published second " + marker, "Published first " + marker);
        Listing retracted = read("state=RETRACTED", 50, 1, editor);
        assertThat(retracted.mine(marker).getFirst().path("retractedAt").isNull()).isFalse();
        Listing everything = read("", 50, 4, editor);
        assertThat(titles(everything.mine(marker))).containsExactly("Still a draft " + marker, "Withdrawn " + marker,
                "Published first " + marker, "Published second " + marker);
        assertThat(everything.entries()).isSortedAccordingTo(NEWEST_CHANGE_FIRST);
        Listing out = read("state=PUBLISHED&state=RETRACTED", 50, 3, editor);
        assertThat(titles(out.mine(marker))).containsExactly("Withdrawn " + marker, "Published first " + marker,
                "Published second " + marker);
    }

    @Test
    void aCursorServesOnlyTheStatesThatIssuedIt() {
        for (int i = 1; i <= 2; i++) {
            create(article("Note " + i + " " + marker));
        }
        String editor = token(DemoUser.EDITOR);
        String cursor = api.get(LIST + "?state=DRAFT&state=SCHEDULED&limit=1", editor).json().path("nextCursor").asString();

        assertThat(api.get(LIST + "?state=SCHEDULED&state=DRAFT&limit=1&cursor=" + cursor, editor).status())
                .as("the same states in another order").isEqualTo(200);
        assertFieldError(api.get(LIST + "?state=DRAFT&limit=1&cursor=" + cursor, editor), "cursor");
        assertFieldError(api.get(LIST + "?limit=1&cursor=" + cursor, editor), "cursor");
        assertFieldError(api.get("/api/news/articles?limit=1&cursor=" + cursor, null), "cursor");
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        assertFieldError(api.get(LIST + "?state=DRAFT&state=SCHEDULED&limit=1&cursor=" + tampered, editor), "cursor");
    }

    @Test
    void onlyTheNewsroomListsItsArticles() {
        ApiClient.Reply member = api.get(LIST, token(DemoUser.MEMBER));
        ApiClient.Reply anonymous = api.get(LIST, null);

        assertThat(member.status()).isEqualTo(403);
        assertThat(member.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(LIST, token(DemoUser.MODERATOR)).status()).isEqualTo(403);
        assertThat(api.get(LIST, token(DemoUser.ADMIN)).status()).isEqualTo(200);
        assertThat(api.get(LIST + "?state=DRAFT&state=SCHEDULED&state=PUBLISHED&state=RETRACTED", token(DemoUser.EDITOR)).status())
                .isEqualTo(200);
    }

    @Test
    void badListQueriesAreFieldErrors() {
        String editor = token(DemoUser.EDITOR);

        assertFieldError(api.get(LIST + "?state=BOGUS", editor), "state");
        assertFieldError(api.get(LIST + "?state=draft", editor), "state");
        assertFieldError(api.get(LIST + "?limit=0", editor), "limit");
        assertFieldError(api.get(LIST + "?limit=101", editor), "limit");
        assertFieldError(api.get(LIST + "?limit=many", editor), "limit");
        assertFieldError(api.get(LIST + "?cursor=bm90LWEtY3Vyc29y", editor), "cursor");
        ApiClient.Reply both = api.get(LIST + "?state=DRAFT&state=LOST&limit=500", editor);
        assertFieldError(both, "state");
        assertFieldError(both, "limit");
    }

    /**
     * Reads a list page by page, {@code limit} a page, until this test's {@code mine} articles have all shown or the
     * list ends; every page must be within the limit.
     */
    private Listing read(String query, int limit, int mine, String token) {
        List<JsonNode> entries = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            ApiClient.Reply reply = api.get(LIST + "?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode page = reply.json();
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
            page.path("items").forEach(entries::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null && new Listing(entries, pages).mine(marker).size() < mine);
        return new Listing(entries, pages);
    }

    private record Listing(List<JsonNode> entries, int pages) {

        List<JsonNode> mine(String marker) {
            return entries.stream().filter(entry -> entry.path("title").asString().endsWith(" " + marker)).toList();
        }
    }

    private static List<String> titles(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("title").asString()).toList();
    }
}
