package org.visaport.news.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void foldsCaseAndAccentsAndDropsCommonWords() {
        assertThat(SearchTerms.of("The Élysée and the Kremlin: talks in Genève, 3 Oct"))
                .containsExactly("elysee", "kremlin", "talks", "geneve", "oct");
    }

    @Test
    void keepsEachTermOnceAndSpansAllFields() {
        var text = SearchTerms.of("Sanctions talk", "More sanctions", "Body about talk and treaty");

        assertThat(text.title()).containsExactly("sanctions", "talk");
        assertThat(text.all()).containsExactly("sanctions", "talk", "more", "body", "about", "treaty");
    }

    @Test
    void hasNoTermsForEmptyText() {
        assertThat(SearchTerms.of("  ")).isEmpty();
        assertThat(SearchTerms.of((String) null)).isEmpty();
    }
}
