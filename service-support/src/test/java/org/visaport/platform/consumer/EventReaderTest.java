package org.visaport.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventReaderTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());

    @Test
    void theEnvelopesTimeIsRead() {
        assertThat(reader.read("""
                {"id": "e-1", "type": "article.published", "time": "2026-11-25T12:00:00Z", "data": {}}
                """).time()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    }

    @Test
    void aMissingOrUnreadableTimeIsNull() {
        assertThat(reader.read("""
                {"id": "e-1", "type": "article.published", "data": {}}
                """).time()).isNull();
        assertThat(reader.read("""
                {"id": "e-1", "type": "article.published", "time": "yesterday", "data": {}}
                """).time()).isNull();
    }
}
