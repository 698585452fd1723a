package org.visaport.news.events;

import java.time.Instant;

/** CloudEvents 1.0 attributes in structured JSON mode, as every VisaPort topic carries them. */
public record EventEnvelope<T>(String specversion, String id, String type, String source, String subject, Instant time,
                               String datacontenttype, String dataschema, T data) {
}
