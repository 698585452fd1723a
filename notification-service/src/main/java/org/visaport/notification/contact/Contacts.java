package org.visaport.notification.contact;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.platform.mongo.Documents;

/** The members' contacts, kept current from every private notification identity-service sends. */
@Service
public class Contacts {

    private final MongoTemplate mongo;
    private final Clock clock;

    Contacts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Keeps the details of the latest notification: identity-service keys them by member, so they arrive in the order
     * it wrote them. An erased member's are not kept: their deletion comes on another topic and may be handled first.
     */
    public void remember(Contact contact) {
        if (erased(contact.id())) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(contact.id())), new Update().set("email", contact.email()).set("fullName", contact.fullName())
                .set("language", contact.language()).set("updatedAt", contact.updatedAt()), Contact.class);
        // An erasure handled on another thread between the check and the upsert left its record first: undo ours.
        if (erased(contact.id())) {
            forget(contact.id());
        }
    }

    /** The contacts known of these members, by member id, in one query. */
    public Map<String, Contact> of(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        List<Contact> found = mongo.find(Query.query(Criteria.where("_id").in(memberIds)), Contact.class);
        return found.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    /**
     * The member was erased: their contact goes, and a record holding only their id keeps a notification handled
     * later from storing it again.
     */
    public void erase(String memberId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), new Update().setOnInsert("erasedAt", clock.instant()),
                ErasedMember.class);
        forget(memberId);
    }

    private boolean erased(String memberId) {
        return Documents.existsWithId(mongo, memberId, ErasedMember.class);
    }

    private void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), Contact.class);
    }
}
