package org.visaport.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void frenchAndEnglishHaveTheSameTextsWithTheSamePlaceholders() {
        Map<Object, Object> english = Wording.of("en").texts();
        Map<Object, Object> french = Wording.of("fr").texts();
        assertThat(french.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, text) -> assertThat(placeholders((String) french.get(key))).as("%s", key)
                .isEqualTo(placeholders((String) text)));
    }

    @Test
    void frenchIsForFrenchTagsAndEnglishForEverythingElse() {
        assertThat(Wording.of("fr").locale().getLanguage()).isEqualTo("fr");
        assertThat(Wording.of("fr-CA").locale().getLanguage()).isEqualTo("fr");
        assertThat(Wording.of("de").locale().getLanguage()).isEqualTo("en");
        assertThat(Wording.of("").locale().getLanguage()).isEqualTo("en");
        assertThat(Wording.of(null).locale().getLanguage()).isEqualTo("en");
    }

    @Test
    void aParagraphWhoseValueIsMissingIsLeftOut() {
        Map<String, String> values = new HashMap<>();
        values.put("site", "https://visaport.example");
        assertThat(Wording.of("en").paragraphs("application-rejected.body", values)).hasSize(1);
        values.put("message", "Not verifiable.");
        assertThat(Wording.of("en").paragraphs("application-rejected.body", values)).hasSize(2)
                .last().asString().endsWith("Not verifiable.");
    }

    @Test
    void datesAreWrittenTheReadersWay() {
        assertThat(Wording.of("fr").date(LocalDate.of(2026, 12, 3))).isEqualTo("3 décembre 2026");
        assertThat(Wording.of("en").date(LocalDate.of(2026, 12, 3))).isEqualTo("December 3, 2026");
    }

    private static java.util.Set<String> placeholders(String text) {
        return java.util.regex.Pattern.compile("\\{[a-zA-Z]+}").matcher(text).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
    }
}
