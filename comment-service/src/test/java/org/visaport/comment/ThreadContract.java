package org.visaport.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.AsyncApiSchemas;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import org.visaport.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/** Members post, reply, edit, delete and report; everyone reads; nobody learns more of an author than name and id. */
@ExtendWith(OutputCaptureExtension.class)
abstract class ThreadContract extends CommentApiTest {

    @Test
    void membersPostAndReplyAndEveryoneReadsTheThreadThreeLevelsDeep() {
        String article = publishedArticle("Envoys meet in Vienna");
        TestUser anna = trustedMember();
        TestUser boris = trustedMember();

        String top = postVisible(article, anna, "The talks *will* resume; see [the communiqué](https://example.org/c).");
        String second = replyVisible(article, boris, top, "> will resume\n\nDoubtful.");
        String third = replyVisible(article, anna, second, "Time will tell.");
        String fourth = replyVisible(article, boris, third, "Agreed.");

        JsonNode page = thread(article, "");
        JsonNode first = page.path("items").get(0);
        assertThat(page.path("items")).hasSize(1);
        assertThat(first.path("id").asString()).isEqualTo(top);
        assertThat(first.path("html").asString()).contains("<em>will</em>").contains("rel=\"nofollow ugc noopener\"");
        assertThat(first.path("author").path("displayName").asString()).isEqualTo(anna.displayName());
        assertThat(first.path("author").path("memberId").asString()).isEqualTo(anna.id());
        assertThat(first.path("replyCount").asInt()).isEqualTo(3);
        JsonNode level2 = first.path("replies").get(0);
        assertThat(level2.path("html").asString()).contains("<blockquote>");
        JsonNode level3 = level2.path("replies");
        assertThat(level3).as("the reply to the deepest comment sits beside it").hasSize(2);
        assertThat(level3.get(1).path("id").asString()).isEqualTo(fourth);
        assertThat(level3.get(1).path("depth").asInt()).isEqualTo(3);
        assertThat(level3.get(1).path("inReplyTo").asString()).isEqualTo(third);
        assertThat(level2.path("replyCount").asInt()).isEqualTo(2);
    }

    @Test
    void threadsArePagedByCursorInEachOrderAndFeaturedCommentsComeFirst() {
        String article = publishedArticle("Paging");
        TestUser member = trustedMember();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(postVisible(article, member, "Comment number " + i + " " + marker()));
        }
        decide(ids.get(1), "feature", null);

        assertThat(allIds(article, "oldest")).containsExactlyElementsOf(ids);
        assertThat(allIds(article, "newest")).containsExactlyElementsOf(ids.reversed());
        assertThat(allIds(article, "featured")).containsExactly(ids.get(1), ids.get(4), ids.get(3), ids.get(2), ids.get(0));
        assertThat(thread(article, "?sort=featured").path("items").get(0).path("featured").asBoolean()).isTrue();

        JsonNode counts = api.get("/api/comments/counts?articleIds=" + article + ",no-such-article", null).json();
        assertThat(counts.path(article).asLong()).isEqualTo(5);
        assertThat(counts.path("no-such-article").asLong()).isZero();
    }

    @Test
    void authorsEditWithinTheWindowAndTheCommentShowsAsEdited() {
        String article = publishedArticle("Editing");
        TestUser anna = trustedMember();
        String id = postVisible(article, anna, "First wording");

        ApiClient.Reply edited = api.send("PATCH", "/api/comments/comments/" + id, token(anna), Map.of("text", "Second wording"), Map.of());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode shown = thread(article, "").path("items").get(0);
        assertThat(shown.path("html").asString()).contains("Second wording");
        assertThat(shown.path("edited").asBoolean()).isTrue();

        TestUser other = trustedMember();
        assertThat(api.send("PATCH", "/api/comments/comments/" + id, token(other), Map.of("text", "Hijacked"), Map.of()).status())
                .as("only the author edits").isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiClient.Reply late = api.send("PATCH", "/api/comments/comments/" + id, token(anna), Map.of("text", "Too late"), Map.of());
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().path("type").asString()).endsWith("/edit-window-closed");
        });
    }

    @Test
    void anAuthorDeletesAndTheThreadKeepsItsShape() {
        String article = publishedArticle("Deleting");
        TestUser anna = trustedMember();
        TestUser boris = trustedMember();
        String top = postVisible(article, anna, "Something I regret");
        String answer = replyVisible(article, boris, top, "An answer worth keeping");

        assertThat(api.send("DELETE", "/api/comments/comments/" + top, token(boris), null, Map.of()).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/comments/comments/" + top, token(anna), null, Map.of()).status()).isEqualTo(204);

        JsonNode removed = thread(article, "").path("items").get(0);
        assertThat(removed.path("status").asString()).isEqualTo("removed");
        assertThat(removed.path("html").isNull()).isTrue();
        assertThat(removed.path("author").isNull()).isTrue();
        assertThat(removed.path("replies").get(0).path("id").asString()).isEqualTo(answer);
        assertThat(api.get("/api/comments/counts?articleIds=" + article, null).json().path(article).asLong()).isEqualTo(1);
    }

    @Test
    void enoughReportsSendACommentBackToTheQueueAndEachMemberReportsOnce() {
        String article = publishedArticle("Reports");
        TestUser author = trustedMember();
        String id = postVisible(article, author, "A provocative take");
        List<TestUser> readers = List.of(newMember(), newMember(), newMember());

        assertThat(report(id, readers.get(0), "spam").status()).isEqualTo(201);
        assertThat(report(id, readers.get(0), "abuse").status()).as("a second report by the same member").isEqualTo(409);
        assertThat(report(id, author, "spam").status()).as("one's own comment").isEqualTo(409);
        assertThat(queued("reported", id).path("reports").path("open").asInt()).isEqualTo(1);
        report(id, readers.get(1), "abuse");
        assertThat(thread(article, "").path("items").get(0).path("status").asString()).isEqualTo("visible");
        report(id, readers.get(2), "off-topic");

        assertThat(thread(article, "").path("items").get(0).path("status").asString()).isEqualTo("under-review");
        JsonNode held = queued("pending", id);
        assertThat(held.path("holds").get(0).path("rule").asString()).isEqualTo("reports");
        assertThat(held.path("holds").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(held.path("holds").get(0).path("limit").asInt()).isEqualTo(3);
        assertThat(held.path("reports").path("byReason").path("off-topic").asInt()).isEqualTo(1);
    }

    @Test
    void onlyMembersWriteAndOnlyModeratorsModerate() {
        String article = publishedArticle("Roles");

        assertThat(api.post(threadPath(article), null, Map.of("text", "Anonymous")).status()).isEqualTo(401);
        ApiClient.Reply applicant = api.post(threadPath(article), token(DemoUser.APPLICANT), Map.of("text", "Not yet a member"));
        assertThat(applicant.status()).isEqualTo(403);
        assertThat(applicant.json().path("type").asString()).endsWith("/forbidden");
        assertThat(api.get("/api/admin/comments/queue", token(DemoUser.MEMBER)).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/comments/audit", token(DemoUser.MODERATOR)).status()).as("the audit is for admins").isEqualTo(403);
        assertThat(api.get("/api/admin/comments/audit", token(DemoUser.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemNeverAnErrorOrAChange() {
        String article = publishedArticle("Bad input");
        String member = token(newMember());

        assertValidation(api.post(threadPath(article), member, Map.of("text", "x".repeat(5001))), "text");
        assertValidation(api.post(threadPath(article), member, Map.of("text", "   ")), "text");
        assertValidation(api.post(threadPath(article), member, Map.of("text", "ok", "parentId", "../../etc")), "parentId");
        assertValidation(api.post(threadPath(article), member, Map.of("text", "ok", "parentId", "no-such-comment")), "parentId");
        assertThat(api.post(threadPath(article), member, "{not json").status()).isEqualTo(400);
        assertValidation(api.send("POST", threadPath(article), member, Map.of("text", "ok"), Map.of("Idempotency-Key", "x".repeat(101))),
                "Idempotency-Key");
        assertValidation(api.get(threadPath(article) + "?sort=loudest", null), "sort");
        assertValidation(api.get(threadPath(article) + "?limit=0", null), "limit");
        assertValidation(api.get(threadPath(article) + "?limit=many", null), "limit");
        assertThat(api.get(threadPath(article) + "?cursor=forged", null).status()).isEqualTo(400);
        assertValidation(api.get(threadPath("bad%20id"), null), "articleId");
        assertValidation(api.get("/api/comments/counts?articleIds=" + String.join(",", java.util.Collections.nCopies(101, "a")), null), "articleIds");
        assertThat(api.post("/api/comments/comments/x/reports", member, Map.of("reason", "boring")).status()).isEqualTo(400);
        assertThat(api.get(threadPath("00000000-0000-0000-0000-000000000000"), null).status()).isEqualTo(404);
        assertThat(thread(article, "").path("items")).as("nothing was stored").isEmpty();
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyIsStoredOnce() {
        String article = publishedArticle("Retries");
        TestUser member = trustedMember();
        Map<String, String> key = Map.of("Idempotency-Key", "post-" + marker());

        ApiClient.Reply first = api.send("POST", threadPath(article), token(member), Map.of("text", "Once only"), key);
        ApiClient.Reply again = api.send("POST", threadPath(article), token(member), Map.of("text", "Once only"), key);
        ApiClient.Reply other = api.send("POST", threadPath(article), token(member), Map.of("text", "Something else"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("comment").path("id").asString()).isEqualTo(first.json().path("comment").path("id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(thread(article, "").path("items")).hasSize(1);
    }

    @Test
    void aMembersEmailAddressAppearsInNoResponseNoLogLineAndNoEvent(CapturedOutput logs) {
        String article = publishedArticle("Privacy");
        TestUser anna = trustedMember();
        TestUser boris = trustedMember();
        String moderator = token(DemoUser.MODERATOR);
        String top = postVisible(article, anna, "Where is everyone?");
        String answer = replyVisible(article, boris, top, "Here.");
        String second = postVisible(article, boris, "Second thoughts");
        report(answer, anna, "other");
        decide(top, "feature", null);
        decide(answer, "reject", "Too short to be useful");

        List<ApiClient.Reply> replies = new ArrayList<>(List.of(
                api.send("PATCH", "/api/comments/comments/" + second, token(boris), Map.of("text", "Third thoughts"), Map.of()),
                report(second, anna, "spam"),
                api.send("DELETE", "/api/comments/comments/" + second, token(boris), null, Map.of()),
                api.get("/api/admin/comments/queue?queue=pending&limit=100", moderator),
                api.get("/api/admin/comments/settings", moderator),
                api.get("/api/admin/comments/word-lists/suspect", moderator),
                api.get("/api/admin/comments/members/" + anna.id(), moderator),
                api.put("/api/admin/comments/members/" + anna.id() + "/watch", moderator, Map.of("alwaysPreModerate", false)),
                api.get(threadPath(article), null),
                api.get(threadPath(article) + "?sort=featured", token(anna)),
                api.get("/api/comments/comments/" + top, null),
                api.get("/api/comments/comments/" + top, token(anna)),
                api.get("/api/comments/comments/" + answer, token(boris)),
                api.get("/api/comments/comments/" + top + "/replies", null),
                api.get("/api/comments/counts?articleIds=" + article, null),
                api.get("/api/comments/me/comments", token(anna)),
                api.get("/api/admin/comments/queue?queue=rejected&limit=100", token(DemoUser.MODERATOR)),
                api.get("/api/admin/comments/queue?queue=reported&limit=100", token(DemoUser.MODERATOR)),
                api.get("/api/admin/comments/comments/" + answer, token(DemoUser.MODERATOR)),
                api.get("/api/admin/comments/audit?limit=100", token(DemoUser.ADMIN)),
                api.post(threadPath(article), token(anna), Map.of("text", "Where is everyone?"))));
        assertThat(api.get("/api/comments/comments/" + answer, token(boris)).json().path("rejectionReason").asString())
                .isEqualTo("Too short to be useful");

        for (ApiClient.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isLessThan(500);
            assertThat(reply.body()).doesNotContain(anna.email()).doesNotContain(boris.email()).doesNotContain("@visaport.test");
        }
        assertThat(logs.getAll()).as("the service's log lines").doesNotContain(anna.email()).doesNotContain(boris.email());
        try (TopicReader events = new TopicReader(parts.kafkaBootstrapServers(), "visaport.comment.events")) {
            List<ConsumerRecord<String, String>> thread = events.awaitKey(article, r -> r.size() >= 9, Duration.ofSeconds(30));
            for (ConsumerRecord<String, String> record : thread) {
                assertThat(record.value()).doesNotContain(anna.email()).doesNotContain(boris.email()).doesNotContain("@visaport.test");
                assertThat(AsyncApiSchemas.violations("CommentEvent", record.value())).as(record.value()).isEmpty();
            }
            assertThat(thread).extracting(r -> JSON.readTree(r.value()).path("type").asString())
                    .contains("comment.posted", "comment.reported", "comment.featured", "comment.rejected");
            JsonNode reply = thread.stream().map(r -> JSON.readTree(r.value()))
                    .filter(e -> e.path("type").asString().equals("comment.posted") && e.path("subject").asString().equals(answer))
                    .findFirst().orElseThrow();
            assertThat(reply.path("data").path("parentAuthorId").asString()).as("so the author can be told").isEqualTo(anna.id());
        }
    }

    private ApiClient.Reply report(String commentId, TestUser member, String reason) {
        return api.post("/api/comments/comments/" + commentId + "/reports", token(member), Map.of("reason", reason, "note", "see " + reason));
    }

    private List<String> allIds(String article, String sort) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = thread(article, "?sort=" + sort + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString(null);
        } while (cursor != null);
        return ids;
    }

    private static void assertValidation(ApiClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).endsWith("/validation");
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(reply.body()).anyMatch(f -> f.equals(field) || f.startsWith(field));
    }
}
