package org.visaport.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * What the service knows of articles and members comes from their events, so it keeps working while news-service and
 * identity-service are down; a redelivered or late event changes nothing.
 */
abstract class ReadModelContract extends CommentApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anArticleNotAnnouncedYetIsAskedOfNewsServiceAndOneItDoesNotShowReadersIsNotFound() {
        String known = UUID.randomUUID().toString();
        NEWS.publish(known, "Announced late");
        TestUser member = trustedMember();

        assertThat(post(known, member, "First!").status()).isEqualTo(201);
        String held = post(known, newMember(), "Waiting here").json().path("comment").path("id").asString();
        JsonNode queued = queued("pending", held);
        assertThat(queued.path("articleTitle").asString()).isEqualTo("Announced late");
        assertThat(queued.path("articleSlug").asString()).as("the lookup keeps the slug too").isEqualTo("article-" + known);
        String draft = UUID.randomUUID().toString();
        assertThat(api.get(threadPath(draft), null).status()).isEqualTo(404);
        assertThat(post(draft, member, "On a draft").status()).isEqualTo(404);
    }

    @Test
    void anArticleNeverAnnouncedIsRefusedWith503WhileNewsServiceIsDownAndNothingIsStored() {
        String unknown = UUID.randomUUID().toString();
        TestUser member = newMember();
        NEWS.down(true);
        ApiClient.Reply posted;
        try {
            posted = post(unknown, member, "Is anybody there?");
        } finally {
            NEWS.down(false);
        }

        assertThat(posted.status()).isEqualTo(503);
        assertThat(posted.header("Retry-After")).isNotNull();
        assertThat(posted.json().path("type").asString()).endsWith("/unavailable");
        assertThat(api.get("/api/comments/me/comments", token(member)).json().path("items")).isEmpty();
    }

    @Test
    void aRetractionClosesTheThreadToNewCommentsAndReadingGoesOn() {
        String article = publishedArticle("Soon withdrawn");
        TestUser member = trustedMember();
        postVisible(article, member, "Before the retraction");

        articleEvent(article, "article.retracted", "Soon withdrawn", "RETRACTED", true, 2);

        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiClient.Reply closed = post(article, member, "After the retraction " + marker());
            assertThat(closed.status()).isEqualTo(409);
            assertThat(closed.json().path("type").asString()).endsWith("/thread-closed");
        });
        assertThat(thread(article, "").path("items")).hasSize(1);
    }

    @Test
    void turningCommentsOffClosesTheThreadAndAnOlderEventDeliveredLateDoesNotReopenIt() {
        String article = publishedArticle("Comments off");
        TestUser member = trustedMember();

        articleEvent(article, "article.comments-toggled", "Comments off", "PUBLISHED", false, 3);
        await().atMost(PATIENCE).until(() -> post(article, member, "Still open? " + marker()).status() == 409);
        articleEvent(article, "article.updated", "Comments off, title as before", "PUBLISHED", true, 2);
        String later = UUID.randomUUID().toString();
        articleEvent(later, "article.published", "A later article", "PUBLISHED", true, 1);
        await().atMost(PATIENCE).until(() -> api.get(threadPath(later), null).status() == 200);

        assertThat(post(article, member, "Reopened? " + marker()).status()).isEqualTo(409);
    }

    @Test
    void aSuspendedMemberCannotPostTheirPendingCommentsStayAndARedeliveredApprovalChangesNothing() {
        String article = publishedArticle("Suspension");
        TestUser member = newMember();
        String approvedAt = Instant.now().minusSeconds(60).toString();
        String approval = memberEvent("member.approved", member.id(),
                Map.of("displayName", "Consul Vidal", "roles", List.of("member"), "approvedAt", approvedAt));
        String pending = post(article, member, "Waiting before the suspension").json().path("comment").path("id").asString();

        memberEvent("member.suspended", member.id(), Map.of("suspendedAt", Instant.now().toString()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            ApiClient.Reply refused = post(article, member, "Suspended yet posting " + marker());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).endsWith("/membership-inactive");
        });
        send("visaport.member.events", "MemberApproved", member.id(), approval);
        // Events of one member are read in order: once this later one shows, the redelivery was read before it.
        memberEvent("member.profile-updated", member.id(), Map.of("displayName", "After the redelivery", "updatedAt", Instant.now().toString()));
        await().atMost(PATIENCE).until(() -> queued("pending", pending).path("author").path("displayName").asString()
                .equals("After the redelivery"));

        assertThat(post(article, member, "Still suspended? " + marker()).status()).isEqualTo(403);
        assertThat(queued("pending", pending).path("state").asString()).isEqualTo("pending");
    }

    @Test
    void aNewDisplayNameShowsOnTheMembersCommentsAndADeletedMemberBecomesAFormerMember() {
        String article = publishedArticle("Names");
        TestUser member = trustedMember();
        String comment = postVisible(article, member, "My words stay");

        memberEvent("member.profile-updated", member.id(), Map.of("displayName", "write to me@example.org", "updatedAt", Instant.now().toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(thread(article, "").path("items").get(0).path("author")
                .path("displayName").asString()).as("an address is never shown as a name").isEqualTo("Member"));
        memberEvent("member.profile-updated", member.id(), Map.of("displayName", "Ambassador Renamed", "updatedAt", Instant.now().plusMillis(1).toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(thread(article, "").path("items").get(0).path("author")
                .path("displayName").asString()).isEqualTo("Ambassador Renamed"));

        memberEvent("member.deleted", member.id(), Map.of("deletedAt", Instant.now().toString()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode shown = thread(article, "").path("items").get(0);
            assertThat(shown.path("author").path("displayName").asString()).isEqualTo("former member");
            assertThat(shown.path("author").path("memberId").isNull()).isTrue();
            assertThat(shown.path("html").asString()).contains("My words stay");
        });
        assertThat(api.get("/api/comments/comments/" + comment, null).json().path("author").path("displayName").asString())
                .isEqualTo("former member");
    }
}
