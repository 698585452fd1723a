package org.visaport.platform.events;

import java.time.Instant;

/**
 * CloudEvents 1.0 attributes in structured JSON mode, as every VisaPort topic carries them. {@code subject} is the
 * aggregate id, which is also the record key; {@code type} is {@code <aggregate>.<past-tense verb>}.
 */
public record EventEnvelope<T>(String specversion, String id, String type, String source, String subject, Instant time,
                               String datacontenttype, String dataschema, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SCHEMA_BASE = "https://visaport.example/schemas/";

    /** A breaking payload change gets a new version, never a silent change of an existing one. */
    public static String dataschema(String type, int version) {
        return SCHEMA_BASE + type + "/" + version;
    }
}
