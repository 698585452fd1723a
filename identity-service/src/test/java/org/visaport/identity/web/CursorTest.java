package org.visaport.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T12:00:00.123Z"), "a:b-c");
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode("")).isNull();
    }

    @Test
    void aForeignCursorIsTheClientsError() {
        assertThatThrownBy(() -> Cursor.decode("not-a-cursor!"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void aPageHasANextCursorOnlyWhenMoreRowsExist() {
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        List<String> rows = List.of("a", "b", "c");
        Page<String> first = Page.of(rows, 2, row -> new Cursor(t, row), String::toUpperCase);
        assertThat(first.items()).containsExactly("A", "B");
        assertThat(Cursor.decode(first.nextCursor()).id()).isEqualTo("b");
        assertThat(Page.of(rows, 3, row -> new Cursor(t, row), row -> row).nextCursor()).isNull();
    }
}
