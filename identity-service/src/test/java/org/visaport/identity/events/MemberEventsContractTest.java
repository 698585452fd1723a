package org.visaport.identity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.testsupport.ProjectLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The member messages in docs/asyncapi.yaml and the payload records identity-service sends must not drift apart. */
class MemberEventsContractTest {

    private static final JsonNode SPEC = YAMLMapper.builder().build()
            .readTree(ProjectLayout.root().resolve("docs/asyncapi.yaml").toFile());
    private static final Map<String, Class<? extends Record>> PAYLOADS = Map.ofEntries(
            Map.entry("member.applied", MemberEvents.Applied.class),
            Map.entry("member.approved", MemberEvents.Approved.class),
            Map.entry("member.rejected", MemberEvents.Rejected.class),
            Map.entry("member.information-requested", MemberEvents.InformationRequested.class),
            Map.entry("member.suspended", MemberEvents.Suspended.class),
            Map.entry("member.reinstated", MemberEvents.Reinstated.class),
            Map.entry("member.role-changed", MemberEvents.RoleChanged.class),
            Map.entry("member.lapsed", MemberEvents.Lapsed.class),
            Map.entry("member.profile-updated", MemberEvents.ProfileUpdated.class),
            Map.entry("member.deleted", MemberEvents.Deleted.class),
            Map.entry("member.notification-requested", MemberEvents.NotificationRequested.class));

    static List<Arguments> messages() {
        JsonNode messages = SPEC.path("components").path("messages");
        return messages.propertyNames().stream().filter(name -> name.startsWith("member"))
                .map(name -> Arguments.of(messages.path(name).path("name").asString(), messages.path(name)))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void documentedFieldsAreTheFieldsSent(String type, JsonNode message) {
        assertThat(PAYLOADS).containsKey(type);
        String schemaName = message.path("payload").path("$ref").asString().replace("#/components/schemas/", "");
        JsonNode data = SPEC.path("components").path("schemas").path(schemaName).path("allOf").get(1)
                .path("properties").path("data");
        Set<String> documented = new HashSet<>(data.path("properties").propertyNames());
        Set<String> sent = Arrays.stream(PAYLOADS.get(type).getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        assertThat(documented).isEqualTo(sent);
        data.path("required").forEach(field -> assertThat(sent).contains(field.asString()));
        for (JsonNode example : message.path("examples")) {
            assertThat(example.path("payload").path("type").asString()).isEqualTo(type);
            assertThat(new HashSet<>(example.path("payload").path("data").propertyNames())).isEqualTo(sent);
        }
    }

    @Test
    void everyEventTypeSentIsDocumentedOnItsChannel() {
        Set<String> documented = messages().stream().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());
        assertThat(documented).isEqualTo(PAYLOADS.keySet());
    }

    @Test
    void theEnvelopeCarriesTheDocumentedAttributes() {
        JsonMapper json = JsonMapper.builder().build();
        MemberEventFactory factory = new MemberEventFactory(new EventRecorder(json,
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), "/identity-service"));
        OutboxEvent entry = factory.event("member.lapsed", "m-1", new MemberEvents.Lapsed("m-1", LocalDate.of(2026, 11, 24),
                Instant.parse("2026-11-25T12:00:00Z")));
        JsonNode envelope = json.readTree(entry.payload());
        Set<String> required = new HashSet<>();
        SPEC.path("components").path("schemas").path("Envelope").path("required").forEach(f -> required.add(f.asString()));
        assertThat(new HashSet<>(envelope.propertyNames())).isEqualTo(required);
        assertThat(envelope.path("time").asString()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(envelope.path("data").path("postingEndedOn").asString()).isEqualTo("2026-11-24");
        assertThat(entry.topic()).isEqualTo("visaport.member.events");
        assertThat(entry.key()).isEqualTo("m-1");
    }
}
