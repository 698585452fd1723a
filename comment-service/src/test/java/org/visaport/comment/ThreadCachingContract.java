package org.visaport.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visaport.testsupport.Revalidation.PRIVATE;
import static org.visaport.testsupport.Revalidation.PUBLIC;
import static org.visaport.testsupport.Revalidation.assertNotModified;
import static org.visaport.testsupport.Revalidation.etagOf;

import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Threads, replies, counts and single comments carry a tag and say who may keep them; a conditional GET with the
 * current tag is a 304 without a body until a comment shows, changes or is decided on.
 */
abstract class ThreadCachingContract extends CommentApiTest {

    private ApiClient.Reply get(String path, TestUser user, String ifNoneMatch) {
        return api.get(path, user == null ? null : token(user), ifNoneMatch);
    }

    @Test
    void aThreadIsA304UntilACommentShowsAndAHeldOneChangesNothingUntilApproved() {
        String article = publishedArticle("Cached thread " + marker());
        String path = threadPath(article);

        ApiClient.Reply empty = get(path, null, null);
        String etag = etagOf(empty);
        assertThat(empty.header("Cache-Control")).isEqualTo(PUBLIC);
        assertThat(empty.header("Vary")).contains("Authorization");
        assertThat(empty.header("Pragma")).as("the security headers left the controller's choice alone").isNull();
        assertNotModified(get(path, null, etag), etag, PUBLIC);

        String visible = postVisible(article, trustedMember(), "A first view " + marker());
        ApiClient.Reply withComment = get(path, null, etag);
        String afterPost = etagOf(withComment);
        assertThat(afterPost).isNotEqualTo(etag);
        assertThat(withComment.json().path("items").get(0).path("id").asString()).isEqualTo(visible);

        JsonNode held = post(article, newMember(), "A newcomer's view " + marker()).json();
        assertThat(held.path("visible").asBoolean()).isFalse();
        assertNotModified(get(path, null, afterPost), afterPost, PUBLIC);

        decide(held.path("comment").path("id").asString(), "approve", null);
        ApiClient.Reply approved = get(path, null, afterPost);
        assertThat(etagOf(approved)).isNotEqualTo(afterPost);
        assertThat(approved.json().path("items")).hasSize(2);

        decide(visible, "feature", null);
        assertThat(etagOf(get(path + "?sort=featured", null, etagOf(get(path + "?sort=newest", null, null)))))
                .as("another order is another answer").isNotEqualTo(etagOf(get(path + "?sort=newest", null, null)));
    }

    @Test
    void withATokenTheThreadIsPrivateAndTaggedApart() {
        String article = publishedArticle("Thread for members " + marker());
        TestUser member = trustedMember();
        postVisible(article, member, "Seen by all " + marker());
        String path = threadPath(article);
        String anonymous = etagOf(get(path, null, null));

        ApiClient.Reply signedIn = get(path, member, anonymous);
        String memberTag = etagOf(signedIn);
        assertThat(signedIn.header("Cache-Control")).isEqualTo(PRIVATE);
        assertThat(memberTag).isNotEqualTo(anonymous);
        assertNotModified(get(path, member, memberTag), memberTag, PRIVATE);
        assertThat(get(path, null, memberTag).header("Cache-Control")).isEqualTo(PUBLIC);
    }

    @Test
    void oneCommentIsPrivateAndItsAuthorsViewIsTaggedApartFromEveryoneElses() {
        String article = publishedArticle("One comment " + marker());
        TestUser author = newMember();
        String id = post(article, author, "Waiting for a moderator " + marker()).json().path("comment").path("id").asString();
        String path = "/api/comments/comments/" + id;

        ApiClient.Reply own = get(path, author, null);
        String ownTag = etagOf(own);
        assertThat(own.json().path("state").asString()).isEqualTo("pending");
        assertThat(own.header("Cache-Control")).isEqualTo(PRIVATE);
        assertThat(get(path, null, ownTag).status()).as("nobody else sees a held comment").isEqualTo(404);
        assertNotModified(get(path, author, ownTag), ownTag, PRIVATE);

        decide(id, "approve", null);
        ApiClient.Reply approved = get(path, author, ownTag);
        assertThat(etagOf(approved)).isNotEqualTo(ownTag);
        assertThat(approved.json().path("state").asString()).isEqualTo("visible");
        ApiClient.Reply anonymous = get(path, null, approved.header("ETag"));
        assertThat(etagOf(anonymous)).as("the author's view is not everyone's").isNotEqualTo(approved.header("ETag"));
        assertThat(anonymous.header("Cache-Control")).as("the same address answers its author differently").isEqualTo(PRIVATE);
    }

    @Test
    void countsAndRepliesChangeTheirTagWhenACommentShows() {
        String article = publishedArticle("Counts " + marker());
        TestUser member = trustedMember();
        String top = postVisible(article, member, "Top " + marker());
        String counts = "/api/comments/counts?articleIds=" + article;
        String replies = "/api/comments/comments/" + top + "/replies";

        ApiClient.Reply count = get(counts, null, null);
        String countTag = etagOf(count);
        assertThat(count.header("Cache-Control")).isEqualTo(PUBLIC);
        assertNotModified(get(counts, null, countTag), countTag, PUBLIC);
        String repliesTag = etagOf(get(replies, null, null));
        assertNotModified(get(replies, null, repliesTag), repliesTag, PUBLIC);

        String reply = replyVisible(article, member, top, "A reply " + marker());
        ApiClient.Reply recounted = get(counts, null, countTag);
        assertThat(etagOf(recounted)).isNotEqualTo(countTag);
        assertThat(recounted.json().path(article).asLong()).isEqualTo(2);
        ApiClient.Reply withReply = get(replies, null, repliesTag);
        assertThat(etagOf(withReply)).isNotEqualTo(repliesTag);
        assertThat(withReply.json().path("items").get(0).path("id").asString()).isEqualTo(reply);
    }

    @Test
    void badIfNoneMatchValuesGetTheFullAnswerNeverAnError() {
        String article = publishedArticle("Odd headers " + marker());
        String path = threadPath(article);
        String etag = etagOf(get(path, null, null));

        for (String bad : new String[] {"garbage", "\"", "W/", "\"a\", junk", etag.replace("\"", ""), "\"x\", ".repeat(1000)}) {
            ApiClient.Reply reply = get(path, null, bad);
            assertThat(reply.status()).as(bad.length() > 40 ? "a header of " + bad.length() + " characters" : bad).isEqualTo(200);
            assertThat(reply.header("ETag")).isEqualTo(etag);
        }
        assertNotModified(get(path, null, "\"other\", " + etag), etag, PUBLIC);
        assertNotModified(get(path, null, "*"), etag, PUBLIC);
    }
}
