package org.visaport.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import tools.jackson.databind.JsonNode;

/** Moderation explains itself: every hold names its rule and what it found; every decision and setting is audited. */
abstract class ModerationContract extends CommentApiTest {

    @Test
    void aNewMembersFirstCommentsWaitAndAfterThreeApprovalsTheyShowAtOnce() {
        String article = publishedArticle("Trust");
        TestUser newcomer = newMember();

        List<String> first = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode posted = post(article, newcomer, "Hello number " + i).json();
            assertThat(posted.path("visible").asBoolean()).isFalse();
            JsonNode reason = posted.path("comment").path("reasons").get(0);
            assertThat(reason.path("rule").asString()).isEqualTo("new-member");
            assertThat(reason.path("message").asString()).contains("first 3 comments").contains("(0 approved so far)");
            first.add(posted.path("comment").path("id").asString());
        }
        JsonNode queued = queued("pending", first.get(0));
        assertThat(queued.path("articleTitle").asString()).isEqualTo("Trust");
        assertThat(queued.path("articleSlug").asString()).isEqualTo("article-" + article);
        assertThat(queued.path("holds").get(0).path("explanation").asString())
                .isEqualTo("0 of 3 approved comments; until then a member's comments are reviewed first.");
        assertThat(thread(article, "").path("items")).as("nothing shows before approval").isEmpty();

        first.forEach(id -> decide(id, "approve", null));

        assertThat(post(article, newcomer, "Now I am trusted").json().path("visible").asBoolean()).isTrue();
        assertThat(thread(article, "").path("items")).hasSize(4);
    }

    @Test
    void aPreModeratedArticleHoldsEveryCommentAndPostModerationShowsThemAtOnce() {
        String article = publishedArticle("Sensitive negotiations");
        TestUser trusted = trustedMember();

        assertThat(api.put("/api/admin/comments/articles/" + article + "/policy", token(DemoUser.MODERATOR), Map.of("policy", "PRE"))
                .status()).isEqualTo(200);
        JsonNode held = post(article, trusted, "Held for review").json();
        assertThat(held.path("visible").asBoolean()).isFalse();
        assertThat(held.path("comment").path("reasons").get(0).path("rule").asString()).isEqualTo("pre-moderation");

        api.put("/api/admin/comments/articles/" + article + "/policy", token(DemoUser.MODERATOR), java.util.Collections.singletonMap("policy", null));
        assertThat(post(article, trusted, "Shown at once").json().path("visible").asBoolean()).isTrue();
    }

    @Test
    void bannedWordsRefuseSuspectWordsAndLinksHoldAndEachSaysWhatMatchedWhere() {
        String article = publishedArticle("Automatic rules");
        TestUser member = trustedMember();
        String banned = marker();
        String suspect = marker();
        addWord("banned", banned);
        addWord("suspect", suspect);

        ApiClient.Reply refused = post(article, member, "This is " + banned.toUpperCase() + " nonsense");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith("/comment-refused");
        assertThat(refused.json().path("rules").get(0).asString()).isEqualTo("banned-word");
        JsonNode rejected = queued("rejected", refused.json().path("commentId").asString());
        JsonNode match = rejected.path("holds").get(0).path("matches").get(0);
        assertThat(match.path("found").asString()).isEqualTo(banned.toUpperCase());
        assertThat(match.path("start").asInt()).isEqualTo(8);
        assertThat(match.path("end").asInt()).isEqualTo(8 + banned.length());

        JsonNode suspicious = post(article, member, "Quite " + suspect + " if you ask me").json();
        assertThat(suspicious.path("visible").asBoolean()).isFalse();
        assertThat(suspicious.path("comment").path("reasons").get(0).path("message").asString())
                .as("the author is not told which word").doesNotContain(suspect);
        JsonNode held = queued("pending", suspicious.path("comment").path("id").asString());
        assertThat(held.path("holds").get(0).path("rule").asString()).isEqualTo("suspect-word");
        assertThat(held.path("holds").get(0).path("explanation").asString()).isEqualTo(
                "Contains \"" + suspect + "\" at 6–" + (6 + suspect.length()) + ", on the suspect list.");

        JsonNode linked = post(article, member, "See https://a.example, https://b.example and www.c.example").json();
        assertThat(linked.path("visible").asBoolean()).isFalse();
        JsonNode links = queued("pending", linked.path("comment").path("id").asString()).path("holds").get(0);
        assertThat(links.path("rule").asString()).isEqualTo("link-limit");
        assertThat(links.path("count").asInt()).isEqualTo(3);
        assertThat(links.path("limit").asInt()).isEqualTo(2);
        assertThat(links.path("matches")).hasSize(3);

        removeWord("banned", banned);
        assertThat(post(article, member, "This is " + banned + " again").status()).as("the list edit applies at once").isEqualTo(201);
    }

    @Test
    void theSameTextTwiceIsRefusedAndTooManyCommentsAreRateLimited() {
        String article = publishedArticle("Duplicates and rates");
        TestUser member = trustedMember();
        postVisible(article, member, "Exactly this.");

        ApiClient.Reply duplicate = post(article, member, "exactly   THIS!");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().path("rules").get(0).asString()).isEqualTo("duplicate");
        assertThat(duplicate.json().path("detail").asString()).contains("Same text as comment");

        ApiClient.Reply limited = null;
        for (int i = 0; i < 12 && limited == null; i++) {
            ApiClient.Reply reply = post(article, member, "Distinct comment " + i + " " + marker());
            if (reply.status() == 429) {
                limited = reply;
            }
        }
        assertThat(limited).as("the 13th submission in ten minutes").isNotNull();
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.json().path("limit").asInt()).isEqualTo(12);
        assertThat(limited.json().path("detail").asString()).contains("the limit is 12");
    }

    @Test
    void moderatorsDecideAloneOrInBulkTheAuthorLearnsTheReasonAndEveryDecisionIsAudited() {
        String article = publishedArticle("Decisions");
        TestUser author = newMember();
        List<String> pending = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            pending.add(post(article, author, "Waiting " + i).json().path("comment").path("id").asString());
        }

        JsonNode noReason = api.post("/api/admin/comments/comments/" + pending.get(0) + "/decisions", token(DemoUser.MODERATOR),
                Map.of("action", "reject")).json();
        assertThat(noReason.path("status").asInt()).isEqualTo(400);
        decide(pending.get(0), "reject", "Personal attack");
        JsonNode own = api.get("/api/comments/comments/" + pending.get(0), token(author)).json();
        assertThat(own.path("state").asString()).isEqualTo("rejected");
        assertThat(own.path("rejectionReason").asString()).isEqualTo("Personal attack");
        assertThat(api.get("/api/comments/comments/" + pending.get(0), null).status()).as("hidden from others").isEqualTo(404);

        ApiClient.Reply bulk = api.post("/api/admin/comments/decisions", token(DemoUser.MODERATOR),
                Map.of("action", "approve", "ids", List.of(pending.get(1), pending.get(2), pending.get(0).replace('-', 'x'), pending.get(1))));
        assertThat(bulk.status()).isEqualTo(200);
        JsonNode results = bulk.json().path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(results.get(1).path("state").asString()).isEqualTo("visible");
        assertThat(results.get(2).path("status").asInt()).isEqualTo(404);

        JsonNode restored = decide(pending.get(0), "restore", null);
        assertThat(restored.path("state").asString()).isEqualTo("visible");
        decide(pending.get(1), "delete", "Duplicate of another thread");
        assertThat(thread(article, "").path("items")).extracting(item -> item.path("status").asString())
                .containsExactly("visible", "removed", "visible");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode audit = api.get("/api/admin/comments/audit?target=comment:" + pending.get(0), token(DemoUser.ADMIN)).json();
            assertThat(audit.path("items")).extracting(e -> e.path("action").asString())
                    .containsExactly("comment.restore", "comment.reject");
            JsonNode rejection = audit.path("items").get(1);
            assertThat(rejection.path("reason").asString()).isEqualTo("Personal attack");
            assertThat(rejection.path("actorId").asString()).isNotBlank();
            assertThat(Instant.parse(rejection.path("at").asString())).isBefore(Instant.now());
        });
    }

    @Test
    void settingsWatchedMembersSuspensionsAndScheduledPreModerationAreAuditedAndApplyAtOnce() {
        String article = publishedArticle("Member controls");
        TestUser watched = trustedMember();
        String moderator = token(DemoUser.MODERATOR);

        api.put("/api/admin/comments/members/" + watched.id() + "/watch", moderator, Map.of("alwaysPreModerate", true, "reason", "Earlier trolling"));
        JsonNode held = post(article, watched, "Watched comment").json();
        assertThat(held.path("comment").path("reasons").get(0).path("rule").asString()).isEqualTo("watched-member");
        assertThat(held.path("comment").path("reasons").get(0).path("message").asString()).doesNotContain("trolling");
        assertThat(queued("pending", held.path("comment").path("id").asString()).path("holds").get(0).path("explanation").asString())
                .contains("Earlier trolling");
        api.put("/api/admin/comments/members/" + watched.id() + "/watch", moderator, Map.of("alwaysPreModerate", false));

        api.put("/api/admin/comments/members/" + watched.id() + "/suspension", moderator,
                Map.of("until", Instant.now().plus(Duration.ofDays(1)).toString(), "reason", "Cooling off"));
        ApiClient.Reply suspended = post(article, watched, "Am I heard?");
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.json().path("type").asString()).endsWith("/commenting-suspended");
        api.send("DELETE", "/api/admin/comments/members/" + watched.id() + "/suspension", moderator, null, Map.of());

        JsonNode settings = api.get("/api/admin/comments/settings", moderator).json();
        Map<String, Object> nightly = settingsWith(settings, List.of(Map.of("from", "00:00", "to", "23:59:59", "zone", "UTC")));
        try {
            assertThat(api.put("/api/admin/comments/settings", moderator, nightly).status()).isEqualTo(200);
            JsonNode scheduled = post(article, watched, "Posted while nobody watches").json();
            assertThat(scheduled.path("comment").path("reasons")).extracting(r -> r.path("rule").asString())
                    .contains("scheduled-pre-moderation");
        } finally {
            api.put("/api/admin/comments/settings", moderator, settingsWith(settings, List.of()));
        }
        assertThat(post(article, watched, "Back to normal " + marker()).json().path("visible").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> actions = new ArrayList<>();
            api.get("/api/admin/comments/audit?target=member:" + watched.id(), token(DemoUser.ADMIN)).json().path("items")
                    .forEach(e -> actions.add(e.path("action").asString()));
            assertThat(actions).containsExactly("member.commenting-restored", "member.commenting-suspended", "member.unwatched", "member.watched");
            JsonNode change = api.get("/api/admin/comments/audit?target=settings", token(DemoUser.ADMIN)).json().path("items").get(1);
            assertThat(change.path("details").path("preModerationWindows").asString()).contains("00:00–23:59:59 UTC");
        });
    }

    @Test
    void theOldestPendingCommentsAgeIsAMetric() {
        String article = publishedArticle("Queue age");
        post(article, newMember(), "Waiting for someone");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus", null).body();
            assertThat(metrics).contains("visaport_comments_pending_oldest_age_seconds");
            assertThat(metrics).containsPattern("visaport_comments_pending [1-9]");
        });
    }

    private Map<String, Object> settingsWith(JsonNode current, List<Map<String, String>> windows) {
        Map<String, Object> settings = JSON.convertValue(current, Map.class);
        settings.remove("bannedWords");
        settings.remove("suspectWords");
        settings.put("preModerationWindows", windows);
        return settings;
    }

    private void addWord(String list, String word) {
        List<String> words = words(list);
        words.add(word);
        assertThat(api.put("/api/admin/comments/word-lists/" + list, token(DemoUser.MODERATOR), Map.of("words", words)).status()).isEqualTo(200);
    }

    private void removeWord(String list, String word) {
        List<String> words = words(list);
        words.remove(word);
        assertThat(api.put("/api/admin/comments/word-lists/" + list, token(DemoUser.MODERATOR), Map.of("words", words)).status()).isEqualTo(200);
    }

    private List<String> words(String list) {
        List<String> words = new ArrayList<>();
        api.get("/api/admin/comments/word-lists/" + list, token(DemoUser.MODERATOR)).json().path("words").forEach(w -> words.add(w.asString()));
        return words;
    }
}
