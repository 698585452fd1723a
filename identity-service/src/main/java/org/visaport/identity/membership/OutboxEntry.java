package org.visaport.identity.membership;

import org.visaport.identity.audit.AuditEntry;

/**
 * Something to hand on after a change, stored in the same document update as the change: an event to publish
 * ({@code topic}, {@code key}, {@code payload}), an audit entry to file, or both.
 */
public record OutboxEntry(String entryId, String topic, String key, String payload, AuditEntry audit) {
}
