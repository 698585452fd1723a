package org.visaport.notification.contact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to write to a member: from identity-service's private notifications only, the one place an address comes from.
 * Private to this service; logs name the member id, never the address.
 *
 * @param id       the member id
 * @param language ISO 639-1, picks the mail's language
 */
@Document("contacts")
public record Contact(@Id String id, String email, String fullName, String language, Instant updatedAt) {

    /** The member id only: a log line that prints a contact must not print their address or name. */
    @Override
    public String toString() {
        return "Contact[id=" + id + "]";
    }
}
