package org.visaport.platform.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class ConditionalGetTest {

    private static EntityTag article(long version, String variant) {
        return EntityTag.of("news.article/1").with(variant).with("article-7", version);
    }

    private static String currentTag(EntityTag tag, Sharing sharing) {
        return ConditionalGet.answer(null, tag, sharing, () -> "body").getHeaders().getETag();
    }

    @Test
    void aTagIsStrongQuotedAndTheSameForTheSameMakeUp() {
        String tag = article(3, "teaser").value();

        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        assertThat(article(3, "teaser").value()).isEqualTo(tag);
    }

    @Test
    void everyPartOfTheMakeUpChangesTheTag() {
        String tag = article(3, "teaser").value();

        assertThat(article(4, "teaser").value()).as("a new version").isNotEqualTo(tag);
        assertThat(article(3, "full").value()).as("another variant").isNotEqualTo(tag);
        assertThat(EntityTag.of("news.article/2").with("teaser").with("article-7", 3L).value()).as("another shape")
                .isNotEqualTo(tag);
        assertThat(EntityTag.of("k").with((Object) null).value()).isNotEqualTo(EntityTag.of("k").with("null").value());
    }

    @Test
    void partsCannotBeShiftedIntoOneAnother() {
        assertThat(EntityTag.of("k").with("ab").with("c").value()).isNotEqualTo(EntityTag.of("k").with("a").with("bc").value());
        assertThat(EntityTag.of("k").with("a\u0000").with("b").value())
                .isNotEqualTo(EntityTag.of("k").with("a").with("\u0000b").value());
        assertThat(EntityTag.of("k").withAll(List.of("a", "b")).withAll(List.of("c")).value())
                .isNotEqualTo(EntityTag.of("k").withAll(List.of("a")).withAll(List.of("b", "c")).value());
    }

    @Test
    void aFirstRequestGetsTheBodyWithTagAndCacheHeaders() {
        ResponseEntity<String> answer = ConditionalGet.answer(null, article(3, "teaser"), Sharing.PUBLIC, () -> "body");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("body");
        assertThat(answer.getHeaders().getETag()).matches("\"[0-9a-f]{32}\"");
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("public, max-age=30");
        assertThat(answer.getHeaders().getVary()).containsExactly(HttpHeaders.AUTHORIZATION);
    }

    @Test
    void theCurrentTagGetsA304WithoutTheBodyBeingMadeAndWithTheSameHeaders() {
        String etag = currentTag(article(3, "full"), Sharing.PRIVATE);
        AtomicInteger made = new AtomicInteger();

        ResponseEntity<String> answer = ConditionalGet.answer(etag, article(3, "full"), Sharing.PRIVATE, () -> {
            made.incrementAndGet();
            return "body";
        });

        assertThat(answer.getStatusCode().value()).isEqualTo(304);
        assertThat(answer.getBody()).isNull();
        assertThat(made).hasValue(0);
        assertThat(answer.getHeaders().getETag()).isEqualTo(etag);
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("private, no-cache");
        assertThat(answer.getHeaders().getVary()).containsExactly(HttpHeaders.AUTHORIZATION);
    }

    @Test
    void aTagOfAnotherVariantVersionOrScopeGetsTheFullAnswer() {
        String teaser = currentTag(article(3, "teaser"), Sharing.PRIVATE);

        assertThat(ConditionalGet.answer(teaser, article(3, "full"), Sharing.PRIVATE, () -> "full").getStatusCode().value())
                .as("a member never gets a 304 for the teaser's tag").isEqualTo(200);
        assertThat(ConditionalGet.answer(teaser, article(4, "teaser"), Sharing.PRIVATE, () -> "t").getStatusCode().value())
                .as("a changed article").isEqualTo(200);
        assertThat(ConditionalGet.answer(teaser, article(3, "teaser"), Sharing.PUBLIC, () -> "t").getStatusCode().value())
                .as("the same teaser, kept under another scope").isEqualTo(200);
    }

    @Test
    void onlyAnswersTheSameForEveryoneAskedWithoutATokenArePublic() {
        assertThat(Sharing.of(true, false)).isEqualTo(Sharing.PUBLIC);
        assertThat(Sharing.of(true, true)).isEqualTo(Sharing.PRIVATE);
        assertThat(Sharing.of(false, false)).isEqualTo(Sharing.PRIVATE);
        assertThat(Sharing.of(false, true)).isEqualTo(Sharing.PRIVATE);
        assertThat(Sharing.PRIVATE.cacheControl()).contains("private").doesNotContain("public").doesNotContain("max-age");
    }
}
