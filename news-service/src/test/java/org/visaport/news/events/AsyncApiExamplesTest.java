package org.visaport.news.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.AsyncApiSchemas;

/** The examples in docs/asyncapi.yaml are valid against its own schemas: the document does not contradict itself. */
class AsyncApiExamplesTest {

    @Test
    void everyArticleExampleMatchesTheArticleEventSchema() {
        List<String> examples = AsyncApiSchemas.examples("article.");

        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (String json : examples) {
            assertThat(AsyncApiSchemas.violations("ArticleEvent", json)).as(json).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsAnEventThatBreaksIt() {
        String withEmail = """
                {"specversion":"1.0","id":"not-a-uuid","type":"article.published","source":"/news-service","subject":"a",
                 "time":"2026-11-25T12:00:00Z","datacontenttype":"application/json",
                 "dataschema":"https://visaport.example/schemas/article.published/1","data":{"id":"a"}}
                """;

        assertThat(AsyncApiSchemas.violations("ArticleEvent", withEmail)).isNotEmpty();
    }
}
