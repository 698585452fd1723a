package org.visaport.comment.member;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a member, from identity-service's events: the name to show and whether they may post.
 * No contact details: identity-service never publishes them.
 *
 * @param changedAt when the latest applied event happened; an older one never overwrites it
 */
@Document("known_members")
public record KnownMember(@Id String id, String displayName, Status status, List<String> roles, Instant changedAt) {

    public enum Status { ACTIVE, SUSPENDED, LAPSED, DELETED }

    public boolean mayPost() {
        return status == Status.ACTIVE;
    }
}
