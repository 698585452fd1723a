package org.visaport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/** identity's lists page with the kit's cursors, each bound to its list and filter (the scopes the controllers use). */
class CursorTest {

    private static final String PENDING = "applications:PENDING_VERIFICATION";
    private final Cursors cursors = new Cursors("a-test-secret-of-enough-bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTrips() {
        KeysetPosition position = new KeysetPosition(Instant.parse("2026-11-25T12:00:00.123Z"), "a:b-c");
        assertThat(cursors.afterPosition(PENDING, cursors.after(PENDING, position))).isEqualTo(position);
        assertThat(cursors.afterPosition(PENDING, null)).isNull();
        assertThat(cursors.afterPosition(PENDING, "")).isNull();
    }

    @Test
    void aForeignCursorIsTheClientsError() {
        assertCursorRefused(() -> cursors.afterPosition(PENDING, "not-a-cursor!"));
        String pending = cursors.after(PENDING, new KeysetPosition(Instant.EPOCH, "m-1"));
        assertCursorRefused(() -> cursors.afterPosition("applications:ACTIVE", pending));
        assertCursorRefused(() -> cursors.afterPosition("audit:member=m-1", pending));
    }

    @Test
    void aPageHasANextCursorOnlyWhenMoreRowsExist() {
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        List<String> rows = List.of("a", "b", "c");
        Page<String> first = cursors.page(PENDING, rows, 2, row -> new KeysetPosition(t, row), String::toUpperCase);
        assertThat(first.items()).containsExactly("A", "B");
        assertThat(cursors.afterPosition(PENDING, first.nextCursor()).id()).isEqualTo("b");
        assertThat(cursors.page(PENDING, rows, 3, row -> new KeysetPosition(t, row), row -> row).nextCursor()).isNull();
    }

    private static void assertCursorRefused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.getBody().getType().toString()).isEqualTo("https://visaport.example/problems/validation");
            assertThat(e.getBody().getProperties().get("errors")).isEqualTo(List.of(Map.of("field", "cursor",
                    "message", "is not a cursor this list returned")));
        });
    }
}
