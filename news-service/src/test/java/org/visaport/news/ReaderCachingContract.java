package org.visaport.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.visaport.testsupport.Revalidation.PRIVATE;
import static org.visaport.testsupport.Revalidation.PUBLIC;
import static org.visaport.testsupport.Revalidation.assertNotModified;
import static org.visaport.testsupport.Revalidation.etagOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import tools.jackson.databind.JsonNode;

/**
 * Readers' answers carry a tag and say who may keep them; a conditional GET with the current tag is a 304 without a
 * body, and whatever changes the answer (a correction, a retraction, a new article, the caller's entitlement, the
 * query) changes the tag, while a draft that readers cannot see leaves it alone.
 */
abstract class ReaderCachingContract extends NewsApiSupport {

    private ApiClient.Reply get(String path, DemoUser user, String ifNoneMatch) {
        return api.get(path, user == null ? null : token(user), ifNoneMatch);
    }

    private JsonNode correct(JsonNode article, String note) {
        return action(article.path("id").asString(), "corrections", Map.of("version", article.path("version").asLong(), "note", note));
    }

    private void retract(JsonNode article) {
        action(article.path("id").asString(), "retract", Map.of("version", article.path("version").asLong(), "reason", "Unconfirmed."));
    }

    @Test
    void anArticleIsA304ForItsCurrentTagUntilACorrectionOrRetractionChangesIt() {
        JsonNode article = publish(create(article("Envoys agree a text " + marker)));
        String path = "/api/news/articles/" + article.path("id").asString();

        ApiClient.Reply first = get(path, null, null);
        String etag = etagOf(first);
        assertThat(first.header("Cache-Control")).as("one article's answer depends on who asks").isEqualTo(PRIVATE);
        assertThat(first.header("Vary")).contains("Authorization");
        assertThat(first.header("Pragma")).as("the security headers left the controller's choice alone").isNull();
        assertNotModified(get(path, null, etag), etag, PRIVATE);

        JsonNode corrected = correct(article, "The meeting was on Tuesday.");
        ApiClient.Reply afterCorrection = get(path, null, etag);
        String correctedTag = etagOf(afterCorrection);
        assertThat(correctedTag).isNotEqualTo(etag);
        assertThat(afterCorrection.json().path("corrections").get(0).path("note").asString()).isEqualTo("The meeting was on Tuesday.");
        assertNotModified(get("/api/news/articles/by-slug/" + article.path("slug").asString(), null, correctedTag), correctedTag, PRIVATE);

        retract(corrected);
        ApiClient.Reply afterRetraction = get(path, null, correctedTag);
        assertThat(etagOf(afterRetraction)).isNotEqualTo(correctedTag);
        assertThat(afterRetraction.json().path("retraction").path("reason").asString()).isEqualTo("Unconfirmed.");
    }

    @Test
    void membersFullTextIsNeverPublicAndNeverAnswersATeasersTag() {
        JsonNode article = publish(create(article("A members-only account " + marker, "Only for *members*.")));
        String path = "/api/news/articles/by-slug/" + article.path("slug").asString();
        String teaser = etagOf(get(path, null, null));

        ApiClient.Reply full = get(path, DemoUser.MEMBER, teaser);
        String fullTag = etagOf(full);
        assertThat(full.json().path("bodyHtml").asString()).contains("<em>members</em>");
        assertThat(full.header("Cache-Control")).isEqualTo(PRIVATE).doesNotContain("public");
        assertThat(fullTag).isNotEqualTo(teaser);
        assertNotModified(get(path, DemoUser.MEMBER, fullTag), fullTag, PRIVATE);

        ApiClient.Reply anonymous = get(path, null, fullTag);
        assertThat(etagOf(anonymous)).isEqualTo(teaser);
        assertThat(anonymous.json().path("bodyHtml").isNull()).as("no full text for the member's tag").isTrue();
        ApiClient.Reply applicant = get(path, DemoUser.APPLICANT, fullTag);
        assertThat(etagOf(applicant)).isNotEqualTo(fullTag);
        assertThat(applicant.json().path("bodyHtml").isNull()).isTrue();
        assertThat(applicant.header("Cache-Control")).isEqualTo(PRIVATE);
    }

    @Test
    void theListIsPublicForAnonymousReadersAndPrivateWithATokenAndANewArticleChangesIt() {
        publish(create(article("First of two " + marker)));
        String path = "/api/news/articles?tag=" + marker;

        ApiClient.Reply anonymous = get(path, null, null);
        String etag = etagOf(anonymous);
        assertThat(anonymous.header("Cache-Control")).isEqualTo(PUBLIC);
        assertThat(anonymous.header("Vary")).contains("Authorization");
        assertNotModified(get(path, null, etag), etag, PUBLIC);

        ApiClient.Reply member = get(path, DemoUser.MEMBER, etag);
        String memberTag = etagOf(member);
        assertThat(member.header("Cache-Control")).isEqualTo(PRIVATE);
        assertThat(memberTag).isNotEqualTo(etag);
        assertNotModified(get(path, DemoUser.MEMBER, memberTag), memberTag, PRIVATE);

        publish(create(article("Second of two " + marker)));
        ApiClient.Reply changed = get(path, null, etag);
        assertThat(etagOf(changed)).isNotEqualTo(etag);
        assertThat(titles(changed.json())).containsExactly("Second of two " + marker, "First of two " + marker);
    }

    @Test
    void theListIsRevalidatedUntilAChangeReadersCanSeeAndEveryOneChangesItsTag() {
        JsonNode article = publish(create(article("Delegations arrive " + marker)));
        String path = "/api/news/articles?tag=" + marker;
        String published = etagOf(get(path, null, null));

        create(article("A draft nobody reads yet " + marker));
        assertNotModified(get(path, null, published), published, PUBLIC);

        JsonNode corrected = correct(article, "They arrived on Monday.");
        ApiClient.Reply afterCorrection = get(path, null, published);
        String correctedTag = etagOf(afterCorrection);
        assertThat(correctedTag).isNotEqualTo(published);
        assertNotModified(get(path, null, correctedTag), correctedTag, PUBLIC);

        retract(corrected);
        ApiClient.Reply afterRetraction = get(path, null, correctedTag);
        assertThat(etagOf(afterRetraction)).isNotEqualTo(correctedTag);
        assertThat(titles(afterRetraction.json())).isEmpty();
    }

    @Test
    void theTagFollowsTheFiltersTheCursorAndTheSearch() {
        publish(create(article("Talks resume in Geneva " + marker, "Body", Map.of("language", "fr"))));
        publish(create(article("Talks resume in Vienna " + marker)));
        String list = "/api/news/articles?tag=" + marker;

        String all = etagOf(get(list, null, null));
        String english = etagOf(get(list + "&language=en", null, all));
        assertThat(english).isNotEqualTo(all);
        assertThat(etagOf(get(list + "&language=fr", null, english))).isNotEqualTo(english);

        ApiClient.Reply firstPage = get(list + "&limit=1", null, null);
        String firstTag = etagOf(firstPage);
        ApiClient.Reply secondPage = get(list + "&limit=1&cursor=" + firstPage.json().path("nextCursor").asString(), null, firstTag);
        assertThat(etagOf(secondPage)).isNotEqualTo(firstTag);

        ApiClient.Reply search = get(list + "&q=talks", null, null);
        assertThat(search.header("Cache-Control")).as("members search the full text, so a search depends on who asks")
                .isEqualTo(PRIVATE);
        String searchTag = etagOf(search);
        assertNotModified(get(list + "&q=talks", null, searchTag), searchTag, PRIVATE);
        assertThat(etagOf(get(list + "&q=resume", null, searchTag))).isNotEqualTo(searchTag);
    }

    @Test
    void badIfNoneMatchValuesGetTheFullAnswerNeverAnError() {
        JsonNode article = publish(create(article("Odd headers " + marker)));
        String path = "/api/news/articles/" + article.path("id").asString();
        String etag = etagOf(get(path, null, null));

        for (String bad : new String[] {"garbage", "\"", "W/", "\"unterminated", "\"a\", junk", etag.replace("\"", ""),
                "\"x\", ".repeat(1000) + "\"y\""}) {
            ApiClient.Reply reply = get(path, null, bad);
            assertThat(reply.status()).as(bad.length() > 40 ? "a header of " + bad.length() + " characters" : bad).isEqualTo(200);
            assertThat(reply.header("ETag")).isEqualTo(etag);
        }
        assertNotModified(get(path, null, "\"other\", W/" + etag), etag, PRIVATE);
        assertNotModified(get(path, null, "*"), etag, PRIVATE);
        assertThat(get("/api/news/articles/no-such-article", null, "*").status()).as("nothing there, nothing to match").isEqualTo(404);
    }
}
