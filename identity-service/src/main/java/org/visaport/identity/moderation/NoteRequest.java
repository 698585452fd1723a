package org.visaport.identity.moderation;

import jakarta.validation.constraints.Size;

/** An optional note for the audit trail. */
public record NoteRequest(@Size(max = 2000) String note) {
}
