package org.visaport.notification.contact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member identity-service erased: only the id, so that no contact of theirs is stored again. */
@Document("erased_members")
record ErasedMember(@Id String id, Instant erasedAt) {
}
