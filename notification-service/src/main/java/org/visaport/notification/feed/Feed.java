package org.visaport.notification.feed;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.storage.Inserts;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.problem.Problems;

/** The members' feeds. Every change names the member, so nobody reaches another member's items. */
@Service
public class Feed {

    private final MongoTemplate mongo;
    private final FeedSignals signals;

    Feed(MongoTemplate mongo, FeedSignals signals) {
        this.mongo = mongo;
        this.signals = signals;
    }

    /** Stores the items in one round trip; items stored before stay as they are (read, archived). */
    public void add(Collection<FeedItem> items) {
        Inserts.ignoringDuplicates(mongo, FeedItem.class, items);
        signals.stored(items.stream().map(FeedItem::memberId).collect(Collectors.toSet()));
    }

    List<FeedItem> page(String memberId, boolean withArchived, KeysetPosition after, int limit) {
        Criteria filter = Criteria.where("memberId").is(memberId);
        if (!withArchived) {
            filter.and("archived").is(false);
        }
        return mongo.find(Keyset.query(filter, "createdAt", Sort.Direction.DESC, after, limit), FeedItem.class);
    }

    /**
     * The member's items stored after {@code after}, oldest first: what a live stream looks at next, up to
     * {@code limit + 1} of them (the keyset query's look-ahead row tells that more are stored).
     */
    List<FeedItem> storedAfter(String memberId, KeysetPosition after, int limit) {
        Criteria filter = Criteria.where("memberId").is(memberId).and("archived").is(false);
        Query query = Keyset.query(filter, "storedAt", Sort.Direction.ASC, after, limit);
        return mongo.find(query, FeedItem.class);
    }

    long unread(String memberId) {
        return mongo.count(Query.query(Criteria.where("memberId").is(memberId).and("read").is(false).and("archived").is(false)),
                FeedItem.class);
    }

    void markRead(String memberId, String id) {
        change(memberId, id, new Update().set("read", true));
    }

    void markAllRead(String memberId) {
        mongo.updateMulti(Query.query(Criteria.where("memberId").is(memberId).and("read").is(false)),
                new Update().set("read", true), FeedItem.class);
    }

    /** Archived items leave the feed and the unread count; they are read by then. */
    void archive(String memberId, String id) {
        change(memberId, id, new Update().set("archived", true).set("read", true));
    }

    public void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), FeedItem.class);
    }

    private void change(String memberId, String id, Update update) {
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("memberId").is(memberId)), update, FeedItem.class)
                .getMatchedCount() == 0) {
            // Another member's item is "not found" too: its existence is nobody else's business.
            throw Problems.notFound("No such notification", "You have no notification " + id + ".");
        }
    }
}
