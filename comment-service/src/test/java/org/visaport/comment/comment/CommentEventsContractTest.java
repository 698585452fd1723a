package org.visaport.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.testsupport.AsyncApiSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every comment event this service records is what docs/asyncapi.yaml promises, and tells nothing private. */
class CommentEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final CommentEvents events = new CommentEvents(
            new EventRecorder(JSON, Clock.fixed(NOW, ZoneOffset.UTC), "/comment-service"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyEventTypeFollowsTheDocumentedSchemaAndIsKeyedByTheArticle() {
        Comment parent = comment("c1", null, new Screening(List.of(), List.of()));
        Comment reply = comment("c2", parent, new Screening(List.of(), List.of()));
        for (CommentEventType type : CommentEventType.values()) {
            events.record(reply, type);
        }
        events.recordReport(reply, ReportReason.OFF_TOPIC);

        for (OutboxEvent event : reply.getOutbox()) {
            assertThat(AsyncApiSchemas.violations("CommentEvent", event.payload())).as(event.payload()).isEmpty();
            assertThat(event.key()).isEqualTo("article-1");
            assertThat(event.topic()).isEqualTo("visaport.comment.events");
        }
        JsonNode posted = JSON.readTree(reply.getOutbox().getFirst().payload());
        assertThat(posted.path("subject").asString()).isEqualTo("c2");
        assertThat(posted.path("data").path("parentAuthorId").asString()).isEqualTo("anna");
        assertThat(posted.path("data").path("excerpt").asString()).isEqualTo("Text of c2");
        assertThat(JSON.readTree(reply.getOutbox().getLast().payload()).path("data").path("reportReason").asString()).isEqualTo("off-topic");
    }

    @Test
    void theTextOfACommentThatIsNotVisibleStaysOutOfTheEvent() {
        Comment held = comment("c1", null, new Screening(List.of(), List.of(Hold.of(Rules.SUSPECT_WORD, "Contains \"x\""))));
        events.record(held, CommentEventType.POSTED);

        JsonNode data = JSON.readTree(held.getOutbox().getFirst().payload()).path("data");
        assertThat(data.path("state").asString()).isEqualTo("PENDING");
        assertThat(data.path("excerpt").isNull()).isTrue();
        assertThat(held.getOutbox().getFirst().payload()).doesNotContain("Contains");
    }

    @Test
    void theDocumentedExampleFollowsTheSchema() {
        assertThat(AsyncApiSchemas.examples("comment.")).isNotEmpty().allSatisfy(example ->
                assertThat(AsyncApiSchemas.violations("CommentEvent", example)).isEmpty());
    }

    private static Comment comment(String id, Comment parent, Screening screening) {
        return Comment.post(id, "article-1", parent, new Author(parent == null ? "anna" : "boris", "Name"),
                new CommentText("Text of " + id, "<p>Text of " + id + "</p>", List.of(), "fp"), screening, NOW);
    }
}
