package org.visaport.news.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visaport.testsupport.AsyncApiSchemas;
import org.visaport.testsupport.ProjectLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The examples in docs/asyncapi.yaml are valid against its own schemas: the document does not contradict itself. */
class AsyncApiExamplesTest {

    @Test
    void everyArticleExampleMatchesTheArticleEventSchema() throws Exception {
        JsonNode document = YAMLMapper.builder().build().readTree(ProjectLayout.root().resolve("docs/asyncapi.yaml").toFile());
        List<JsonNode> examples = new ArrayList<>();
        document.path("components").path("messages").forEach(message -> {
            if (message.path("name").asString().startsWith("article.")) {
                message.path("examples").forEach(example -> examples.add(example.path("payload")));
            }
        });

        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        String json;
        for (JsonNode example : examples) {
            json = JsonMapper.builder().build().writeValueAsString(example);
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
