package org.visaport.news.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The list reads only the fields a list entry shows: a field added to the entry must be read as well. */
class ArticleQueriesTest {

    @Test
    void theListReadsEveryFieldItsEntriesShow() {
        var shown = Arrays.stream(ArticleSummary.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("id")) // always read
                .toList();

        assertThat(ArticleQueries.SUMMARY_FIELDS).containsExactlyInAnyOrderElementsOf(shown);
        assertThat(ArticleQueries.SEARCH_FIELDS).containsAll(shown);
    }
}
