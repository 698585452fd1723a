package org.visaport.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.notification.contact.Contact;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Cadence;
import org.visaport.notification.subscription.Channel;
import org.visaport.notification.subscription.Delivery;
import org.visaport.notification.subscription.MailSchedule;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import org.visaport.testsupport.WithEmbeddedParts;
import tools.jackson.databind.JsonNode;

/**
 * How fast a published briefing reaches members: (1) {@code article.published} on the topic → feed item stored, and →
 * the notification event received on a member's open stream, at a steady rate; (2) the fan-out of one briefing to
 * 10 000 members who follow its tag (a tenth of them by e-mail), until every feed item and every mail is stored. Not a
 * test: no assertion on time, and the name keeps it out of {@code ./mvnw verify}. The stream runs with its production
 * settings (polled every 0.5 s, items older than 1 s). Run it with
 * {@code ./mvnw -pl notification-service test -Dtest=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and copy the printed figures to docs/benchmarks.md.
 */
@WithEmbeddedParts
class NotificationBenchmark extends NotificationApiTest {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 200;
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final int FOLLOWERS = 10_000;
    private static final int BY_EMAIL = 1_000;

    @Autowired
    private MongoTemplate mongo;

    /** The production settings back, over the quick ones the tests' context uses (dynamic properties win). */
    @DynamicPropertySource
    static void productionSettings(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "benchmark_notifications");
        registry.add("visaport.notifications.fan-out-batch", () -> "500");
        registry.add("visaport.notifications.stream.poll-interval", () -> "PT0.5S");
        registry.add("visaport.notifications.stream.settle", () -> "PT1S");
        registry.add("visaport.notifications.stream.heartbeat", () -> "PT15S");
        registry.add("visaport.notifications.mail.poll-interval", () -> "PT5S");
    }

    @Test
    void publishedToFeedAndStream() throws Exception {
        mongo.getDb().drop();
        TestUser reader = parts.keycloak().newUser("member");
        memberApproved(reader);
        String tag = "benchmark-" + UUID.randomUUID().toString().substring(0, 8);
        subscribe(reader, List.of(tag), List.of(), List.of(), List.of("IN_APP"));

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> toStored = new ArrayList<>();
        List<Long> toStream = new ArrayList<>();
        try (SseStream stream = SseStream.open(port, token(reader), null)) {
            long next = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += INTERVAL.toNanos();
                String articleId = UUID.randomUUID().toString();
                ids.add(articleId);
                sentAt.put(articleId, System.nanoTime());
                Instant sentWall = Instant.now();
                sentAt.put(articleId + ":wall", sentWall.getEpochSecond() * 1_000_000_000L + sentWall.getNano());
                articleEvent("article.published", articleId, "Briefing " + i, "Lede " + i, "Text.", List.of(tag), List.of(), List.of());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (stream.events("notification").size() < WARM_UP + MEASURED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            for (SseStream.Event event : stream.events("notification")) {
                JsonNode item = JSON.readTree(event.data());
                arrived.put(item.path("link").path("articleId").asString(), event.arrivedAt());
            }
            for (String articleId : ids.subList(WARM_UP, ids.size())) {
                toStream.add(arrived.get(articleId) - sentAt.get(articleId));
                org.bson.Document stored = mongo.findOne(Query.query(Criteria.where("memberId").is(reader.id())
                        .and("link.articleId").is(articleId)), org.bson.Document.class, "feed_items");
                // Stored at is wall-clock time with millisecond precision, as MongoDB keeps dates.
                toStored.add(stored.getDate("storedAt").getTime() * 1_000_000L - sentAt.get(articleId + ":wall"));
            }
        }
        report("article.published -> feed item stored", toStored);
        report("article.published -> stream event received", toStream);

        fanOut();
    }

    private void fanOut() throws Exception {
        String tag = "fan-out-" + UUID.randomUUID().toString().substring(0, 8);
        Delivery inApp = new Delivery(true, Set.of(Channel.IN_APP), Cadence.IMMEDIATE);
        Delivery everywhere = new Delivery(true, Set.of(Channel.IN_APP, Channel.EMAIL), Cadence.IMMEDIATE);
        Subscription defaults = Subscription.defaults("x");
        List<Subscription> followers = IntStream.range(0, FOLLOWERS).mapToObj(i -> new Subscription(
                "follower-%05d-%s".formatted(i, tag), "Follower " + i, Subscription.MemberStatus.ACTIVE, false,
                List.of(tag), List.of(), List.of(), i < BY_EMAIL ? everywhere : inApp, defaults.repliesToMyComments(),
                defaults.commentDecisions(), null, null, MailSchedule.DEFAULT, Instant.now())).toList();
        mongo.insert(followers, Subscription.class);
        mongo.insert(followers.subList(0, BY_EMAIL).stream().map(s -> new Contact(s.id(), s.id() + "@mission.example.org",
                s.displayName(), "en", Instant.now())).toList(), Contact.class);

        String articleId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        articleEvent("article.published", articleId, "For everyone", "A briefing followed by ten thousand.", "Text.",
                List.of(tag), List.of(), List.of());
        Query items = Query.query(Criteria.where("link.articleId").is(articleId));
        long feedDone = 0;
        long mailDone = 0;
        while (feedDone == 0 || mailDone == 0) {
            if (feedDone == 0 && mongo.count(items, "feed_items") == FOLLOWERS) {
                feedDone = System.nanoTime();
            }
            if (mailDone == 0 && mongo.count(Query.query(Criteria.where("memberId").regex("^follower-.*" + tag + "$")),
                    "mail_outbox") == BY_EMAIL) {
                mailDone = System.nanoTime();
            }
            if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                throw new AssertionError("fan-out not done within 5 minutes");
            }
            Thread.sleep(20);
        }
        System.out.printf("BENCHMARK fan-out to %d followers: all feed items stored after %d ms, all %d mails stored after %d ms%n",
                FOLLOWERS, (feedDone - start) / 1_000_000, BY_EMAIL, (mailDone - start) / 1_000_000);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCHMARK %s, %d events at %d/s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                sorted.size(), 1000 / INTERVAL.toMillis(), at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                sorted.getLast() / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1e6;
    }
}
