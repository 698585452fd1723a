package org.visaport.identity.membership;

import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;

/**
 * Erases a membership, whoever asks (the member leaving, or an application left unconfirmed too long): personal data
 * leaves the document in the same write, the Keycloak user is deleted (now, or by the reconciler if Keycloak is down),
 * member.deleted lets other services anonymise what the member wrote, and the person is told by mail which of the two
 * it was ({@code template} on the private topic).
 */
@Component
public class Erasure {

    private final MembershipChanges changes;
    private final MemberEventFactory events;

    public Erasure(MembershipChanges changes, MemberEventFactory events) {
        this.changes = changes;
        this.events = events;
    }

    public MembershipChanges.Result erase(Membership m, Change change, String template) {
        Update personalDataGone = new Update().set("email", "erased:" + m.id()).set("fullName", null).set("displayName", null)
                .set("language", null).set("credentials", null).set("consent", null);
        String memberId = m.memberId();
        return changes.apply(m, change, personalDataGone, (after, audit) -> List.of(
                events.event("member.deleted", memberId, new MemberEvents.Deleted(memberId, audit.at())),
                events.notification(new MemberEvents.NotificationRequested(memberId, m.email(), m.fullName(), m.language(),
                        template, null, null), memberId)));
    }
}
