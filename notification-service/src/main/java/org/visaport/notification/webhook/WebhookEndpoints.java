package org.visaport.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.platform.paging.Keyset;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.problem.Problems;

/** The registered endpoints. Every URL stored has passed {@link TargetRules}; secrets leave only through create and rotate. */
@Service
class WebhookEndpoints {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WebhookProperties properties;

    WebhookEndpoints(MongoTemplate mongo, Clock clock, WebhookProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    WebhookEndpoint create(String url, List<String> eventTypes, String description) {
        if (mongo.count(new Query(), WebhookEndpoint.class) >= properties.maxEndpoints()) {
            throw Problems.conflict("webhook-limit", "Too many webhooks",
                    "At most " + properties.maxEndpoints() + " webhooks may be registered; delete one first.");
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID().toString().replace("-", ""), url, eventTypes,
                description, WebhookEndpoint.Status.ACTIVE, Signatures.newSecret(), null, null, now, now, null, null);
        return mongo.insert(endpoint);
    }

    WebhookEndpoint get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    Optional<WebhookEndpoint> find(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookEndpoint.class));
    }

    List<WebhookEndpoint> page(KeysetPosition after, int limit) {
        return mongo.find(Keyset.query(new Criteria(), "createdAt", Sort.Direction.DESC, after, limit), WebhookEndpoint.class);
    }

    /** The active endpoints that want events of this type. */
    List<WebhookEndpoint> subscribedTo(String eventType) {
        return mongo.find(Query.query(Criteria.where("status").is(WebhookEndpoint.Status.ACTIVE).and("eventTypes").is(eventType))
                .limit(properties.maxEndpoints()), WebhookEndpoint.class);
    }

    /** Changes what is given (null: unchanged) and makes the endpoint ACTIVE again. */
    WebhookEndpoint change(String id, String url, List<String> eventTypes, String description) {
        Update update = new Update().set("status", WebhookEndpoint.Status.ACTIVE).set("updatedAt", clock.instant())
                .unset("failingSince").unset("failingReason");
        if (url != null) {
            update.set("url", url);
        }
        if (eventTypes != null) {
            update.set("eventTypes", eventTypes);
        }
        if (description != null) {
            update.set("description", description);
        }
        return modify(id, update);
    }

    /** A new secret; the one it replaces still signs for the grace period (an older previous one stops now). */
    WebhookEndpoint rotate(String id) {
        WebhookEndpoint endpoint = get(id);
        Instant now = clock.instant();
        Update update = new Update().set("secret", Signatures.newSecret()).set("previousSecret", endpoint.secret())
                .set("previousSecretUntil", now.plus(properties.secretGrace())).set("updatedAt", now);
        // Only if nobody rotated meanwhile: two rotations at once must not lose a secret a receiver was given.
        WebhookEndpoint rotated = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("secret").is(endpoint.secret())),
                update, FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class);
        if (rotated == null) {
            throw Problems.conflict("Rotated meanwhile", "The secret of webhook " + id + " was just rotated; try again.");
        }
        return rotated;
    }

    void delete(String id) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(id)), WebhookEndpoint.class).getDeletedCount() == 0) {
            throw notFound(id);
        }
    }

    /** Retries to it ran out: no further deliveries are queued to it until an admin re-activates it. */
    boolean markFailing(String id, String reason) {
        Instant now = clock.instant();
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(WebhookEndpoint.Status.ACTIVE)),
                new Update().set("status", WebhookEndpoint.Status.FAILING).set("failingSince", now)
                        .set("failingReason", reason).set("updatedAt", now), WebhookEndpoint.class).getModifiedCount() > 0;
    }

    long failing() {
        return mongo.count(Query.query(Criteria.where("status").is(WebhookEndpoint.Status.FAILING)), WebhookEndpoint.class);
    }

    private WebhookEndpoint modify(String id, Update update) {
        WebhookEndpoint changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class);
        if (changed == null) {
            throw notFound(id);
        }
        return changed;
    }

    static org.springframework.web.ErrorResponseException notFound(String id) {
        return Problems.notFound("No such webhook", "There is no webhook " + id + ".");
    }
}
