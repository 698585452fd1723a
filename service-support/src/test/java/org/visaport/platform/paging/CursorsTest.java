package org.visaport.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class CursorsTest {

    private final Cursors cursors = new Cursors("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCursorLeadsBackToWhereThePageEnded() {
        KeysetPosition position = new KeysetPosition(Instant.parse("2026-11-25T12:00:00.123Z"), "article-7");

        String cursor = cursors.after("articles:newest", position);

        assertThat(cursors.afterPosition("articles:newest", cursor)).isEqualTo(position);
        assertThat(cursors.offset("search:sanctions", cursors.offset("search:sanctions", 40))).isEqualTo(40);
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(cursors.afterPosition("articles", null)).isNull();
        assertThat(cursors.afterPosition("articles", " ")).isNull();
        assertThat(cursors.offset("search", (String) null)).isZero();
    }

    @Test
    void aForgedPositionIsRefusedAsBadInput() {
        String genuine = cursors.after("audit:", new KeysetPosition(Instant.EPOCH, "entry-1"));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("0\u001fsomeone-elses-entry".getBytes(StandardCharsets.UTF_8));
        String forged = forgedPayload + genuine.substring(genuine.indexOf('.'));

        assertRefused(() -> cursors.afterPosition("audit:", forged));
    }

    @Test
    void aCursorOfAnotherListOrFilterIsRefused() {
        String pending = cursors.after("applications:PENDING_VERIFICATION", new KeysetPosition(Instant.EPOCH, "m-1"));

        assertRefused(() -> cursors.afterPosition("applications:ACTIVE", pending));
    }

    @Test
    void garbageIsRefusedAsBadInputNeverAsACrash() {
        for (String garbage : List.of("nonsense", "bm90LWEtY3Vyc29y", ".", "a.b", "%%%.###", "x".repeat(5000), "YQ.AAAA")) {
            assertRefused(() -> cursors.afterPosition("articles", garbage));
            assertRefused(() -> cursors.offset("search", garbage));
        }
        String negative = cursors.offset("search", -5);
        assertRefused(() -> cursors.offset("search", negative));
        String notANumber = cursors.encode("articles", "yesterday", "id");
        assertRefused(() -> cursors.afterPosition("articles", notANumber));
    }

    @Test
    void aLongerPositionNeedsABoundOfItsOwnAndStaysBounded() {
        String sentItems = "0123456789abcdef0123456789abcdef@1764147600123,".repeat(30);
        String cursor = cursors.encode("stream:m-1", "1764147600000", "", sentItems);
        assertThat(cursor.length()).isBetween(1001, 2500);

        assertThat(cursors.decode("stream:m-1", cursor, 3, 2500)).containsExactly("1764147600000", "", sentItems);
        assertRefused(() -> cursors.decode("stream:m-1", cursor, 3));
        assertRefused(() -> cursors.decode("stream:m-1", cursor, 3, cursor.length() - 1));
    }

    @Test
    void theLastPageHasNoNextCursor() {
        List<String> fetched = List.of("a", "b", "c");
        Page<String> full = cursors.page("letters", fetched, 2, s -> new KeysetPosition(Instant.EPOCH, s), String::toUpperCase);
        Page<String> last = cursors.page("letters", fetched, 3, s -> new KeysetPosition(Instant.EPOCH, s), String::toUpperCase);

        assertThat(full.items()).containsExactly("A", "B");
        assertThat(cursors.afterPosition("letters", full.nextCursor()).id()).isEqualTo("b");
        assertThat(last.items()).containsExactly("A", "B", "C");
        assertThat(last.nextCursor()).isNull();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            ProblemDetail problem = e.getBody();
            assertThat(problem.getStatus()).isEqualTo(400);
            assertThat(problem.getType().toString()).endsWith("/validation");
            assertThat(problem.getProperties()).extractingByKey("errors").asString().contains("cursor");
        });
    }
}
