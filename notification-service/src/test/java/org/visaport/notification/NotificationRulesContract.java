package org.visaport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.platform.testing.ShiftedClock;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import org.visaport.testsupport.TestMail;
import org.visaport.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The rest of "who is told what": moderators' queues and applications, follow-ups to corrections and retractions,
 * quiet hours and daily digests (on a clock the test moves on), and what happens to events that cannot be handled or
 * are handled again.
 */
abstract class NotificationRulesContract extends NotificationApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, Object> IN_APP = Map.of("enabled", true, "channels", List.of("IN_APP"), "cadence", "IMMEDIATE");
    private static final Map<String, Object> EVERYWHERE = Map.of("enabled", true, "channels", List.of("IN_APP", "EMAIL"), "cadence", "IMMEDIATE");
    private static final Map<String, Object> DIGEST = Map.of("enabled", true, "channels", List.of("IN_APP", "EMAIL"), "cadence", "DAILY_DIGEST");

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private ShiftedClock clock;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    // --- moderators ---------------------------------------------------------------------------------------------

    @Test
    void moderatorsWhoWatchTheQueueHearOfHeldAndReportedCommentsAndOfApplications() {
        TestUser watching = parts.keycloak().newUser("member", "moderator");
        TestUser notWatching = parts.keycloak().newUser("member", "moderator");
        TestUser author = newMember();
        memberApproved(watching);
        memberApproved(notWatching);
        String address = withAddress(watching);
        ApiClient.Reply chosen = choose(watching, Map.of("commentsWaiting", EVERYWHERE, "newApplications", IN_APP));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().path("commentsWaiting").path("enabled").asBoolean()).isTrue();
        assertThat(choose(notWatching, Map.of()).status()).isEqualTo(200);
        String articleId = UUID.randomUUID().toString();
        articleEvent("article.published", articleId, "Border talks", "A first round.", "Text.", List.of(), List.of(), List.of());

        String held = UUID.randomUUID().toString();
        commentEvent("comment.posted", articleId, held, author.id(), null, "PENDING", null);
        String reported = UUID.randomUUID().toString();
        commentEvent("comment.reported", articleId, reported, author.id(), null, "VISIBLE", "A remark.");
        commentEvent("comment.posted", articleId, UUID.randomUUID().toString(), author.id(), null, "VISIBLE", "Shown at once.");
        String applicant = UUID.randomUUID().toString();
        send("visaport.member.events", "MemberApplied", applicant, envelope("member.applied", "/identity-service", applicant,
                Map.of("memberId", applicant, "countryCode", "AT", "appliedAt", Instant.now().toString())));

        await().atMost(PATIENCE).until(() -> feed(watching, "").size() == 3);
        Map<String, JsonNode> byKind = feed(watching, "").stream()
                .collect(Collectors.toMap(item -> item.path("kind").asString(), item -> item));
        assertThat(byKind.get("COMMENT_WAITING").path("link").path("commentId").asString()).isEqualTo(held);
        assertThat(byKind.get("COMMENT_REPORTED").path("link").path("commentId").asString()).isEqualTo(reported);
        assertThat(byKind.get("COMMENT_REPORTED").path("summary").asString()).contains("abuse");
        assertThat(byKind.get("APPLICATION_RECEIVED").path("link").path("applicantId").asString()).isEqualTo(applicant);
        assertThat(byKind.get("APPLICATION_RECEIVED").path("summary").asString()).isEqualTo("Posted in AT");
        // Held and reported comments by e-mail as chosen; applications in the app only.
        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() == 3);
        assertThat(TestMail.receivedBy(address)).extracting(TestMail.Mail::subject)
                .contains("A comment waits for moderation", "A comment was reported");
        assertThat(TestMail.receivedBy(address).getLast().text()).contains("/admin/comments");
        assertThat(feed(notWatching, "")).isEmpty();
        assertThat(feed(author, "")).isEmpty();
    }

    @Test
    void aModeratorWhoseRoleIsRevokedHearsNoMoreOfTheQueue() {
        TestUser moderator = parts.keycloak().newUser("member", "moderator");
        memberApproved(moderator);
        assertThat(choose(moderator, Map.of("commentsWaiting", IN_APP)).status()).isEqualTo(200);
        String articleId = UUID.randomUUID().toString();
        commentEvent("comment.posted", articleId, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "PENDING", null);
        await().atMost(PATIENCE).until(() -> feed(moderator, "").size() == 1);

        String revoked = envelope("member.role-changed", "/identity-service", moderator.id(), Map.of("memberId", moderator.id(),
                "role", "moderator", "change", "REVOKED", "roles", List.of("member"), "changedAt", Instant.now().toString()));
        send("visaport.member.events", "MemberRoleChanged", moderator.id(), revoked);
        awaitHandled("notification-service.members", revoked);
        commentEvent("comment.posted", articleId, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "PENDING", null);
        // A later comment on the same article (same partition) shows the one before was handled.
        TestUser author = newMember();
        commentEvent("comment.approved", articleId, UUID.randomUUID().toString(), author.id(), null, "VISIBLE", "Fine.");
        await().atMost(PATIENCE).until(() -> feed(author, "").size() == 1);

        assertThat(feed(moderator, "")).hasSize(1);
    }

    @Test
    void onlyModeratorsMayWatchTheQueueAndOthersDoNotSeeThoseTopics() {
        TestUser member = newMember();
        ApiClient.Reply refused = choose(member, Map.of("commentsWaiting", IN_APP));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://visaport.example/problems/forbidden");
        ApiClient.Reply mine = api.get("/api/notifications/subscriptions", token(member));
        assertThat(mine.json().has("commentsWaiting")).isTrue();
        assertThat(mine.json().path("commentsWaiting").isNull()).isTrue();
        assertThat(mine.json().path("mandatory").toString()).contains("the deletion of your account");
    }

    // --- corrections and retractions reach those who were told --------------------------------------------------

    @Test
    void aCorrectionAndARetractionReachEveryoneWhoWasToldOnTheSameChannels() {
        TestUser told = newMember();
        TestUser laterFollower = newMember();
        memberApproved(told);
        memberApproved(laterFollower);
        String toldAddress = withAddress(told);
        String region = "caucasus-" + marker();
        assertThat(subscribe(told, List.of(), List.of(region), List.of(), List.of("IN_APP", "EMAIL")).status()).isEqualTo(200);
        String articleId = UUID.randomUUID().toString();
        String secret = "Members-only text " + marker();
        articleEvent("article.published", articleId, "Ceasefire holds", "Both sides report calm.", secret,
                List.of(), List.of(region), List.of());
        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(toldAddress).size() == 2);

        // The member who was told follows something else now; another member follows the region now.
        assertThat(subscribe(told, List.of(), List.of("andes-" + marker()), List.of(), List.of("IN_APP")).status()).isEqualTo(200);
        assertThat(subscribe(laterFollower, List.of(), List.of(region), List.of(), List.of("IN_APP")).status()).isEqualTo(200);
        articleEvent("article.corrected", articleId, "Ceasefire holds", "Both sides report calm; one incident.", secret,
                List.of(), List.of(region), List.of(), 2, null);

        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(toldAddress).size() == 3);
        TestMail.Mail correction = TestMail.receivedBy(toldAddress).getLast();
        assertThat(correction.subject()).isEqualTo("Correction: Ceasefire holds");
        assertThat(correction.text()).contains("one incident").doesNotContain(secret);
        assertThat(kinds(told)).containsExactly("ARTICLE_CORRECTED", "ARTICLE_PUBLISHED");
        await().atMost(PATIENCE).until(() -> kinds(laterFollower).equals(List.of("ARTICLE_CORRECTED")));

        articleEvent("article.retracted", articleId, "Ceasefire holds", "Both sides report calm; one incident.", null,
                List.of(), List.of(region), List.of(), 3, "The sources could not be confirmed.");

        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(toldAddress).size() == 4);
        assertThat(TestMail.receivedBy(toldAddress).getLast().subject()).isEqualTo("Retracted: Ceasefire holds");
        assertThat(TestMail.receivedBy(toldAddress).getLast().text()).contains("The sources could not be confirmed.");
        await().atMost(PATIENCE).until(() -> kinds(laterFollower).equals(List.of("ARTICLE_RETRACTED", "ARTICLE_CORRECTED")));
        assertThat(kinds(told)).containsExactly("ARTICLE_RETRACTED", "ARTICLE_CORRECTED", "ARTICLE_PUBLISHED");
        // The record says who was told which version, and how.
        List<org.bson.Document> record = mongo.find(Query.query(Criteria.where("articleId").is(articleId)),
                org.bson.Document.class, "article_recipients");
        assertThat(record).extracting(r -> r.getString("memberId")).containsExactlyInAnyOrder(told.id(), laterFollower.id());
        assertThat(record).allSatisfy(r -> assertThat(((Number) r.get("version")).longValue()).isEqualTo(3));
        assertThat(record).filteredOn(r -> r.getString("memberId").equals(told.id()))
                .allSatisfy(r -> assertThat(r.getBoolean("byEmail")).isTrue());
        assertThat(record).filteredOn(r -> r.getString("memberId").equals(laterFollower.id()))
                .allSatisfy(r -> assertThat(r.getBoolean("byEmail")).isFalse());
    }

    // --- quiet hours and digests, on a clock the test moves on ---------------------------------------------------

    @Test
    void mailDuringQuietHoursWaitsUntilTheyEndWhileTheFeedHasItAtOnce() {
        TestUser anna = newMember();
        memberApproved(anna);
        String address = withAddress(anna);
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        LocalTime local = clock.instant().atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        String from = local.minusMinutes(1).format(DateTimeFormatter.ofPattern("HH:mm"));
        String until = local.plusMinutes(30).format(DateTimeFormatter.ofPattern("HH:mm"));
        ApiClient.Reply chosen = choose(anna, Map.of("repliesToMyComments", EVERYWHERE, "timeZone", zone.getId(),
                "quietHours", Map.of("from", from, "until", until)));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().path("quietHours").path("until").asString()).isEqualTo(until);

        String replyId = UUID.randomUUID().toString();
        commentEvent("comment.posted", UUID.randomUUID().toString(), replyId, UUID.randomUUID().toString(), anna.id(),
                "VISIBLE", "A reply at night.");

        await().atMost(PATIENCE).until(() -> feed(anna, "").size() == 1);
        Query mail = Query.query(Criteria.where("memberId").is(anna.id()).and("subject").is("Consul Vidal replied to your comment"));
        await().atMost(PATIENCE).until(() -> mongo.exists(mail, "mail_outbox"));
        Instant heldUntil = mongo.findOne(mail, org.bson.Document.class, "mail_outbox").getDate("nextAttemptAt").toInstant();
        assertThat(heldUntil.atZone(zone).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"))).isEqualTo(until);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> TestMail.receivedBy(address).size() == 1);

        clock.advance(Duration.between(clock.instant(), heldUntil).plusSeconds(1));

        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() == 2);
        assertThat(TestMail.receivedBy(address).getLast().subject()).isEqualTo("Consul Vidal replied to your comment");
    }

    @Test
    void aDailyDigestGathersWhatAccumulatedAtTheChosenHourAndLeavesOutWhatIsNoLongerReadable() {
        TestUser anna = newMember();
        memberApproved(anna);
        String address = withAddress(anna);
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        int digestHour = clock.instant().atZone(zone).plusHours(1).getHour();
        String tag = "maritime-" + marker();
        Map<String, Object> choice = new HashMap<>(Map.of("articles", DIGEST, "timeZone", zone.getId(), "digestHour", digestHour));
        choice.put("tags", List.of(tag));
        ApiClient.Reply chosen = choose(anna, choice);
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String retracted = UUID.randomUUID().toString();
        articleEvent("article.published", first, "Strait reopens", "Shipping resumes.", "Text.", List.of(tag), List.of(), List.of());
        articleEvent("article.published", second, "Port fees rise", "A new tariff.", "Text.", List.of(tag), List.of(), List.of());
        articleEvent("article.published", retracted, "Convoy seized", "Unconfirmed reports.", "Text.", List.of(tag), List.of(), List.of());
        articleEvent("article.retracted", retracted, "Convoy seized", "Unconfirmed reports.", null, List.of(tag), List.of(),
                List.of(), 2, "The reports were false.");

        // The feed has everything at once; mail waits for the digest.
        await().atMost(PATIENCE).until(() -> feed(anna, "").size() == 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> TestMail.receivedBy(address).size() == 1);
        Instant dueAt = ZonedDateTime.of(clock.instant().atZone(zone).plusHours(1).toLocalDate(),
                LocalTime.of(digestHour, 0), zone).toInstant();
        assertThat(dueAt).isAfter(clock.instant());

        clock.advance(Duration.between(clock.instant(), dueAt).plusSeconds(1));

        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() == 2);
        TestMail.Mail digest = TestMail.receivedBy(address).getLast();
        assertThat(digest.subject()).isEqualTo("Your VisaPort digest: 3 new");
        assertThat(digest.text()).contains("Strait reopens", "Shipping resumes.", "Port fees rise", "Convoy seized",
                "Retracted by the editors: The reports were false.").doesNotContain("Unconfirmed reports.")
                .contains("Stop daily digest e-mails");
        // Nothing waits any more, and nothing is sent twice.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> TestMail.receivedBy(address).size() == 2);
    }

    @Test
    void badScheduleChoicesAreRefusedWithFieldErrors() {
        TestUser member = newMember();
        ApiClient.Reply refused = choose(member, Map.of("timeZone", "+01:00", "quietHours", Map.of("from", "25:00", "until", "7"),
                "digestHour", 24, "articles", Map.of("enabled", true, "channels", List.of("EMAIL"), "cadence", "WEEKLY")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString())
                .contains("timeZone", "quietHours.from", "quietHours.until", "digestHour", "articles.cadence");
    }

    // --- events that cannot be handled, or are handled again ----------------------------------------------------

    @Test
    void anEventThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextOneIsHandled() {
        String articleId = UUID.randomUUID().toString();
        String poison = "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"type\": \"comment.approved\", "
                + "\"data\": {\"commentId\": null, \"articleId\": null}}";
        try (TopicReader deadLetters = new TopicReader(parts.kafkaBootstrapServers(), "visaport.comment.events-dlt")) {
            // Sent as it is, unchecked: it is what a faulty producer would send.
            sendUnchecked("visaport.comment.events", articleId, poison);
            TestUser author = newMember();
            commentEvent("comment.approved", articleId, UUID.randomUUID().toString(), author.id(), null, "VISIBLE", "Fine.");

            List<ConsumerRecord<String, String>> parked = deadLetters.awaitKey(articleId, records -> !records.isEmpty(), PATIENCE);
            assertThat(parked.getFirst().value()).isEqualTo(poison);
            assertThat(new String(parked.getFirst().headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("names no article or comment");
            await().atMost(PATIENCE).until(() -> feed(author, "").size() == 1);
        }
    }

    @Test
    void replayingTheTopicsFromTheirStartTellsNobodyTwice() throws Exception {
        TestUser anna = newMember();
        memberApproved(anna);
        String address = withAddress(anna);
        String tag = "energy-" + marker();
        assertThat(choose(anna, Map.of("tags", List.of(tag), "articles", EVERYWHERE)).status()).isEqualTo(200);
        articleEvent("article.published", UUID.randomUUID().toString(), "Pipeline deal", "Signed today.", "Text.",
                List.of(tag), List.of(), List.of());
        commentEvent("comment.posted", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), anna.id(), "VISIBLE", "A reply.");
        await().atMost(PATIENCE).until(() -> feed(anna, "").size() == 2 && TestMail.receivedBy(address).size() == 3);

        for (String group : List.of("notification-service.articles", "notification-service.comments",
                "notification-service.members", "notification-service.member-notifications")) {
            replayFromStart(group);
        }

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> feed(anna, "").size() == 2 && TestMail.receivedBy(address).size() == 3);
        assertThat(mongo.count(Query.query(Criteria.where("memberId").is(anna.id())), "feed_items")).isEqualTo(2);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Rewinds a consumer group to the start of its topic and waits until it has read everything again. */
    private void replayFromStart(String group) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(group);
        container.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, parts.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> start = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(group, start).all().get();
                return true;
            });
            container.start();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> now = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> now.get(end.getKey()) != null
                        && now.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    /** The member gets mail: identity-service told this service their address with the approval mail. */
    private String withAddress(TestUser member) {
        String address = newAddress();
        notificationRequested(member.id(), address, "en", "application-approved", null, null);
        TestMail.await(address, PATIENCE);
        return address;
    }

    /** The member's choice: the defaults of a new member, with {@code changes} on top. */
    private ApiClient.Reply choose(TestUser member, Map<String, Object> changes) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("tags", List.of());
        choice.put("regions", List.of());
        choice.put("countries", List.of());
        choice.put("articles", IN_APP);
        choice.put("repliesToMyComments", EVERYWHERE);
        choice.put("commentDecisions", EVERYWHERE);
        choice.putAll(changes);
        return api.put("/api/notifications/subscriptions", token(member), choice);
    }

    private List<String> kinds(TestUser member) {
        List<String> kinds = new ArrayList<>();
        feed(member, "").forEach(item -> kinds.add(item.path("kind").asString()));
        return kinds;
    }

    private void awaitHandled(String consumer, String event) {
        String eventId = JSON.readTree(event).path("id").asString();
        await().atMost(PATIENCE).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(consumer + ":" + eventId)),
                "processed_events"));
    }
}
