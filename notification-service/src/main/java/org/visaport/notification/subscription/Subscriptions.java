package org.visaport.notification.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The members' subscriptions: their own choices, and their membership as identity-service's events tell it. */
@Service
public class Subscriptions {

    private final MongoTemplate mongo;

    Subscriptions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A member's subscription; the defaults for a member who never chose (or whose approval has not arrived yet). */
    public Subscription of(String memberId) {
        Subscription stored = mongo.findById(memberId, Subscription.class);
        return stored != null ? stored : Subscription.defaults(memberId);
    }

    Subscription choose(String memberId, SubscriptionRequest choice) {
        Update update = new Update().set("tags", choice.tags().stream().distinct().toList())
                .set("regions", choice.regions().stream().distinct().toList())
                .set("countries", choice.countries().stream().distinct().toList())
                .set("articles", choice.articles().toDelivery())
                .set("repliesToMyComments", choice.repliesToMyComments().toDelivery())
                .set("commentDecisions", choice.commentDecisions().toDelivery());
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), update, Subscription.class);
        // Only members reach this (the controller checks the role): one whose approval this service never saw is
        // active from now on. A status heard of (suspended, lapsed) stays as identity-service's events set it.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("status").is(null)),
                new Update().set("status", Subscription.MemberStatus.ACTIVE), Subscription.class);
        return of(memberId);
    }

    /**
     * No more e-mail about {@code topic} (the unsubscribe link in such a mail): the member still sees it in the app, and
     * can switch e-mail on again in their settings. A member who never chose gets the defaults stored first.
     */
    public void stopEmail(String memberId, Topic topic) {
        Query member = Query.query(Criteria.where("_id").is(memberId));
        mongo.upsert(member, withDefaultsOnInsert(new Update(), memberId), Subscription.class);
        mongo.updateFirst(member, new Update().pull(topic.field() + ".channels", Channel.EMAIL), Subscription.class);
    }

    /** A member approved or reinstated: active, with the defaults unless they chose before. */
    public void activate(String memberId, String displayName, Instant at) {
        Update update = membershipChange(memberId, Subscription.MemberStatus.ACTIVE, at);
        if (displayName != null) {
            update.set("displayName", displayName);
        }
        applyUnlessNewer(memberId, at, update);
    }

    public void changeStatus(String memberId, Subscription.MemberStatus status, Instant at) {
        applyUnlessNewer(memberId, at, membershipChange(memberId, status, at));
    }

    public void rename(String memberId, String displayName) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)), new Update().set("displayName", displayName),
                Subscription.class);
    }

    public void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), Subscription.class);
    }

    /**
     * Hands the subscriptions that follow any of these topics to {@code batchHandler}, {@code batchSize} at a time in
     * member id order, so a briefing followed by many thousands costs a few queries, never one per member. The
     * handler still applies {@link Subscription#wantsArticle}: the query only narrows by the indexed topics.
     */
    public void forEachFollowing(Collection<String> tags, Collection<String> regions, Collection<String> countries,
                                 int batchSize, Consumer<List<Subscription>> batchHandler) {
        List<Criteria> topics = new ArrayList<>();
        if (!tags.isEmpty()) {
            topics.add(Criteria.where("tags").in(tags));
        }
        if (!regions.isEmpty()) {
            topics.add(Criteria.where("regions").in(regions));
        }
        if (!countries.isEmpty()) {
            topics.add(Criteria.where("countries").in(countries));
        }
        if (topics.isEmpty()) {
            return;
        }
        String after = null;
        while (true) {
            Criteria page = new Criteria().orOperator(topics);
            if (after != null) {
                page = new Criteria().andOperator(page, Criteria.where("_id").gt(after));
            }
            List<Subscription> batch = mongo.find(Query.query(page).with(Sort.by("_id")).limit(batchSize), Subscription.class);
            if (batch.isEmpty()) {
                return;
            }
            batchHandler.accept(batch);
            if (batch.size() < batchSize) {
                return;
            }
            after = batch.getLast().id();
        }
    }

    /** The new status; a member heard of for the first time gets the defaults. */
    private static Update membershipChange(String memberId, Subscription.MemberStatus status, Instant at) {
        return withDefaultsOnInsert(new Update().set("status", status).set("changedAt", at), memberId);
    }

    private static Update withDefaultsOnInsert(Update update, String memberId) {
        Subscription defaults = Subscription.defaults(memberId);
        return update.setOnInsert("tags", defaults.tags()).setOnInsert("regions", defaults.regions())
                .setOnInsert("countries", defaults.countries()).setOnInsert("articles", defaults.articles())
                .setOnInsert("repliesToMyComments", defaults.repliesToMyComments())
                .setOnInsert("commentDecisions", defaults.commentDecisions());
    }

    /** Identity-service's events of one member arrive in order; this also keeps a replayed older one from undoing a newer. */
    private void applyUnlessNewer(String memberId, Instant at, Update update) {
        Query notNewer = Query.query(Criteria.where("_id").is(memberId)
                .orOperator(Criteria.where("changedAt").lte(at), Criteria.where("changedAt").exists(false)));
        if (mongo.exists(Query.query(Criteria.where("_id").is(memberId)), Subscription.class)) {
            mongo.updateFirst(notNewer, update, Subscription.class);
        } else {
            mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), update, Subscription.class);
        }
    }
}
