package org.visaport.news.events;

/**
 * An event recorded in the same document update as the change it describes, waiting for the relay.
 *
 * @param eventId  the envelope's id, which consumers de-duplicate on
 * @param envelope the complete CloudEvents JSON, exactly as it will be published
 */
public record PendingEvent(String eventId, String type, String envelope) {
}
