package org.visaport.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Events as VisaPort's producers send them, for tests that play another service on a topic. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** A CloudEvents envelope in structured mode, as docs/asyncapi.yaml describes it, with schema version 1. */
    public static String envelope(String id, String type, String source, String subject, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("type", type);
        event.put("source", source);
        event.put("subject", subject);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "https://visaport.example/schemas/" + type + "/1");
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }
}
