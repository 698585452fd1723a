package org.visaport.notification.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.storage.Batches;
import org.visaport.platform.mongo.Documents;

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

    Subscription choose(String memberId, SubscriptionRequest choice, boolean moderator) {
        Update update = new Update().set("tags", choice.tags().stream().distinct().toList())
                .set("regions", choice.regions().stream().distinct().toList())
                .set("countries", choice.countries().stream().distinct().toList())
                .set("schedule", choice.schedule())
                // The caller's token is the freshest word on their roles.
                .set("moderator", moderator);
        for (Topic topic : Topic.CHOSEN) {
            update.set(topic.field(), choice.delivery(topic));
        }
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
        Update update = new Update();
        if (topic == Topic.DAILY_DIGEST) {
            Subscription current = of(memberId);
            Topic.CHOSEN.stream().filter(t -> current.delivery(t).cadence() == Cadence.DAILY_DIGEST)
                    .forEach(t -> update.pull(t.field() + ".channels", Channel.EMAIL));
            if (update.getUpdateObject().isEmpty()) {
                return;
            }
        } else {
            update.pull(topic.field() + ".channels", Channel.EMAIL);
        }
        mongo.updateFirst(member, update, Subscription.class);
    }

    /** A member approved or reinstated: active, with the defaults unless they chose before. */
    public void activate(String memberId, String displayName, Collection<String> roles, Instant at) {
        Update update = membershipChange(memberId, Subscription.MemberStatus.ACTIVE, at);
        if (displayName != null) {
            update.set("displayName", displayName);
        }
        if (roles != null) {
            update.set("moderator", moderates(roles));
        }
        applyUnlessNewer(memberId, at, update);
    }

    /** A role granted or revoked: the moderators' topics reach the member only while they moderate. */
    public void changeRoles(String memberId, Collection<String> roles, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)
                        .orOperator(Criteria.where("changedAt").lte(at), Criteria.where("changedAt").exists(false))),
                new Update().set("moderator", moderates(roles)), Subscription.class);
    }

    private static boolean moderates(Collection<String> roles) {
        return roles.contains("moderator") || roles.contains("admin");
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
        Batches.inIdOrder(mongo, new Criteria().orOperator(topics), Subscription.class, Subscription::id, batchSize,
                batchHandler);
    }

    /**
     * Hands the active moderators who want {@code topic} to {@code batchHandler}, {@code batchSize} at a time; the
     * handler still applies {@link Subscription#wants}.
     */
    public void forEachModerator(Topic topic, int batchSize, Consumer<List<Subscription>> batchHandler) {
        Batches.inIdOrder(mongo, Criteria.where("moderator").is(true).and("status").is(Subscription.MemberStatus.ACTIVE)
                .and(topic.field() + ".enabled").is(true), Subscription.class, Subscription::id, batchSize, batchHandler);
    }

    /** The subscriptions of these members that exist, by id: the members told of an article, checked again. */
    public java.util.Map<String, Subscription> of(Collection<String> memberIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(memberIds)), Subscription.class).stream()
                .collect(java.util.stream.Collectors.toMap(Subscription::id, s -> s));
    }

    /** The new status; a member heard of for the first time gets the defaults. */
    private static Update membershipChange(String memberId, Subscription.MemberStatus status, Instant at) {
        return withDefaultsOnInsert(new Update().set("status", status).set("changedAt", at), memberId);
    }

    private static Update withDefaultsOnInsert(Update update, String memberId) {
        Subscription defaults = Subscription.defaults(memberId);
        update.setOnInsert("tags", defaults.tags()).setOnInsert("regions", defaults.regions())
                .setOnInsert("countries", defaults.countries()).setOnInsert("schedule", defaults.schedule());
        for (Topic topic : Topic.CHOSEN) {
            update.setOnInsert(topic.field(), defaults.delivery(topic));
        }
        return update;
    }

    /** Identity-service's events of one member arrive in order; this also keeps a replayed older one from undoing a newer. */
    private void applyUnlessNewer(String memberId, Instant at, Update update) {
        Query notNewer = Query.query(Criteria.where("_id").is(memberId)
                .orOperator(Criteria.where("changedAt").lte(at), Criteria.where("changedAt").exists(false)));
        if (Documents.existsWithId(mongo, memberId, Subscription.class)) {
            mongo.updateFirst(notNewer, update, Subscription.class);
        } else {
            mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), update, Subscription.class);
        }
    }
}
