package org.visaport.platform.caching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfNoneMatchTest {

    private static final String TAG = "\"0123456789abcdef0123456789abcdef\"";

    @Test
    void matchesTheTagAloneInAListOrWeak() {
        assertThat(IfNoneMatch.matches(TAG, TAG)).isTrue();
        assertThat(IfNoneMatch.matches(" " + TAG + " ", TAG)).isTrue();
        assertThat(IfNoneMatch.matches("\"other\", " + TAG, TAG)).isTrue();
        assertThat(IfNoneMatch.matches("\"a\",\"b\"," + TAG + ",\"c\"", TAG)).isTrue();
        assertThat(IfNoneMatch.matches("W/" + TAG, TAG)).as("If-None-Match compares weakly").isTrue();
        assertThat(IfNoneMatch.matches("*", TAG)).isTrue();
    }

    @Test
    void matchesNothingElse() {
        assertThat(IfNoneMatch.matches(null, TAG)).isFalse();
        assertThat(IfNoneMatch.matches("", TAG)).isFalse();
        assertThat(IfNoneMatch.matches("\"other\"", TAG)).isFalse();
        assertThat(IfNoneMatch.matches(TAG.substring(0, TAG.length() - 2) + "\"", TAG)).as("a prefix").isFalse();
        assertThat(IfNoneMatch.matches("\"0123456789abcdef0123456789abcdef0\"", TAG)).as("a longer tag").isFalse();
        assertThat(IfNoneMatch.matches(TAG.replace("\"", ""), TAG)).as("unquoted").isFalse();
        assertThat(IfNoneMatch.matches("*, " + TAG, TAG)).as("a star is alone or no star").isFalse();
    }

    @Test
    void garbageNeverMatchesAndNeverThrows() {
        for (String garbage : new String[] {"\"", "\"\"", "W/", "W/x", ",,,", "\"unterminated", "x " + TAG, "\u0000",
                "\"a\" junk " + TAG, "W/\"", "*x", "**"}) {
            assertThat(IfNoneMatch.matches(garbage, TAG)).as(garbage).isFalse();
        }
    }

    @Test
    void aHeaderBeyondTheBoundIsNotReadAtAll() {
        String huge = ("\"x\", ".repeat(IfNoneMatch.MAX_LENGTH)) + TAG;

        assertThat(huge.length()).isGreaterThan(IfNoneMatch.MAX_LENGTH);
        assertThat(IfNoneMatch.matches(huge, TAG)).isFalse();
    }
}
