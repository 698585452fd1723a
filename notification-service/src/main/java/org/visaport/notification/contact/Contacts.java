package org.visaport.notification.contact;

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

/** The members' contacts, kept current from every private notification identity-service sends. */
@Service
public class Contacts {

    private final MongoTemplate mongo;

    Contacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps the details of the latest notification: identity-service keys them by member, so they arrive in the order
     * it wrote them.
     */
    public void remember(Contact contact) {
        mongo.upsert(Query.query(Criteria.where("_id").is(contact.id())), new Update().set("email", contact.email()).set("fullName", contact.fullName())
                .set("language", contact.language()).set("updatedAt", contact.updatedAt()), Contact.class);
    }

    /** The contacts known of these members, by member id, in one query. */
    public Map<String, Contact> of(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        List<Contact> found = mongo.find(Query.query(Criteria.where("_id").in(memberIds)), Contact.class);
        return found.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    public void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), Contact.class);
    }
}
