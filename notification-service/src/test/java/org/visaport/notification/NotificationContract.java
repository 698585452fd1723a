package org.visaport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.visaport.notification.mail.Mail;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.notification.mail.OutboxMail;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.testsupport.ApiClient;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.KeycloakTokens.TestUser;
import org.visaport.testsupport.TestMail;
import tools.jackson.databind.JsonNode;

/** Who is told what, on which channel, once; the member's own feed and subscription. */
abstract class NotificationContract extends NotificationApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private Cursors cursors;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private MeterRegistry meters;

    @Test
    void membershipMailIsWrittenInEnglishOrFrenchAndSaysItIsMandatory() {
        String english = newAddress();
        String french = newAddress();
        notificationRequested(UUID.randomUUID().toString(), english, "de", "application-rejected",
                "Your <b>accreditation</b> could not be verified.", null);
        notificationRequested(UUID.randomUUID().toString(), french, "fr", "posting-ending", null, "2026-12-03");

        TestMail.Mail inEnglish = TestMail.await(english, PATIENCE);
        assertThat(inEnglish.subject()).isEqualTo("Your VisaPort application");
        assertThat(inEnglish.text()).contains("Dear Anna <Maria> Envoy,")
                .contains("Your <b>accreditation</b> could not be verified.")
                .contains("Dear Anna &lt;Maria&gt; Envoy,")
                .contains("Your &lt;b&gt;accreditation&lt;/b&gt; could not be verified.")
                .doesNotContain("<b>accreditation</b> could not be verified.</p>")
                .contains("you cannot unsubscribe from them");

        TestMail.Mail inFrench = TestMail.await(french, PATIENCE);
        assertThat(inFrench.subject()).isEqualTo("Votre affectation prend fin le 3 décembre 2026");
        assertThat(inFrench.text()).contains("Bonjour Anna <Maria> Envoy,")
                .contains("vous ne pouvez pas vous en désabonner");
    }

    @Test
    void aRedeliveredNotificationIsMailedOnce() {
        String memberId = UUID.randomUUID().toString();
        String address = newAddress();
        String received = notificationRequested(memberId, address, "en", "application-received", null, null);
        send("visaport.member.notifications", "MemberNotificationRequested", memberId, received);
        // Same key, same partition: once this later message is mailed, the redelivery has been handled too. The
        // outbox sends each enqueued batch on its own, so the two mails may arrive in either order.
        notificationRequested(memberId, address, "en", "application-approved", null, null);

        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).stream()
                .anyMatch(mail -> mail.subject().equals("Welcome to VisaPort")));
        assertThat(TestMail.receivedBy(address)).extracting(TestMail.Mail::subject)
                .containsExactlyInAnyOrder("We received your VisaPort application", "Welcome to VisaPort");
    }

    @Test
    void anApplicantRefusedBeforeAMemberExistedGetsTheMailAndNoContactIsKept() {
        String address = newAddress();
        notificationRequested(null, address, "en", "application-rejected", null, null);

        assertThat(TestMail.await(address, PATIENCE).subject()).isEqualTo("Your VisaPort application");
        assertThat(mongo.exists(Query.query(Criteria.where("email").is(address)), "contacts")).isFalse();
    }

    @Test
    void anExpiredApplicationTakesItsContactAlong() {
        String memberId = UUID.randomUUID().toString();
        String address = newAddress();
        notificationRequested(memberId, address, "en", "application-received", null, null);
        TestMail.await(address, PATIENCE);
        assertThat(contactKept(memberId)).isTrue();

        notificationRequested(memberId, address, "en", "application-expired", null, null);

        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() == 2);
        assertThat(TestMail.receivedBy(address).getLast().subject()).isEqualTo("Your VisaPort application has expired");
        assertThat(contactKept(memberId)).isFalse();
    }

    @Test
    void aNotificationHandledAfterTheMembersDeletionKeepsNoContact() {
        String memberId = UUID.randomUUID().toString();
        String address = newAddress();
        String deletion = JSON.readTree(memberDeleted(memberId)).path("id").asString();
        await().atMost(PATIENCE).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is("notification-service.members:" + deletion)), "processed_events"));

        notificationRequested(memberId, address, "en", "member-suspended", null, null);

        assertThat(TestMail.await(address, PATIENCE).subject()).isEqualTo("Your VisaPort membership is suspended");
        assertThat(contactKept(memberId)).isFalse();
    }

    private boolean contactKept(String memberId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(memberId)), "contacts");
    }

    @Test
    void aSentMailKeepsNoAddressOrContentAndIsNotSentAgainWhenItsEventIsReplayed() {
        String memberId = UUID.randomUUID().toString();
        String address = newAddress();
        String event = notificationRequested(memberId, address, "en", "application-received", null, null);
        TestMail.await(address, PATIENCE);
        String eventId = JSON.readTree(event).path("id").asString();
        Query mail = Query.query(Criteria.where("_id").is(MailOutbox.mailId(eventId, memberId)));
        await().atMost(PATIENCE).until(() -> "SENT".equals(mongo.findOne(mail, org.bson.Document.class, "mail_outbox").getString("status")));

        assertThat(mongo.findOne(mail, org.bson.Document.class, "mail_outbox").keySet())
                .doesNotContain("to", "subject", "text", "html", "unsubscribeUrl", "lastError");

        // A replay from the topic's start, after the processed-event record is gone: only the mail's id stops it.
        mongo.remove(Query.query(Criteria.where("_id").is("notification-service.member-notifications:" + eventId)), "processed_events");
        send("visaport.member.notifications", "MemberNotificationRequested", memberId, event);
        // Same key, same partition: once this later message is mailed, the replay has been handled too.
        notificationRequested(memberId, address, "en", "application-approved", null, null);
        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() >= 2);
        assertThat(TestMail.receivedBy(address)).extracting(TestMail.Mail::subject)
                .containsExactly("We received your VisaPort application", "Welcome to VisaPort");
    }

    @Test
    void aPublishedBriefingReachesItsFollowersWithItsTeaserOnly() {
        TestUser follower = newMember();
        TestUser other = newMember();
        memberApproved(follower);
        memberApproved(other);
        String address = newAddress();
        notificationRequested(follower.id(), address, "en", "application-approved", null, null);
        TestMail.await(address, PATIENCE);
        String tag = "arms-control-" + marker();
        assertThat(subscribe(follower, List.of(tag), List.of(), List.of(), List.of("IN_APP", "EMAIL")).status()).isEqualTo(200);
        assertThat(subscribe(other, List.of("fisheries-" + marker()), List.of(), List.of(), List.of("IN_APP")).status()).isEqualTo(200);
        String secret = "Members-only text " + marker();
        String articleId = UUID.randomUUID().toString();

        articleEvent("article.published", articleId, "Talks resume in Geneva", "Delegations meet again.", secret,
                List.of(tag, "europe"), List.of("europe"), List.of("CH"));

        await().atMost(PATIENCE).until(() -> !feed(follower, "").isEmpty());
        JsonNode item = feed(follower, "").getFirst();
        assertThat(item.path("kind").asString()).isEqualTo("ARTICLE_PUBLISHED");
        assertThat(item.path("title").asString()).isEqualTo("Talks resume in Geneva");
        assertThat(item.path("summary").asString()).isEqualTo("Delegations meet again.");
        assertThat(item.path("link").path("articleId").asString()).isEqualTo(articleId);
        assertThat(item.path("link").path("articleSlug").asString()).isEqualTo("article-" + articleId);
        assertThat(item.path("read").asBoolean()).isFalse();
        assertThat(item.toString()).doesNotContain(secret);
        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() == 2);
        TestMail.Mail mail = TestMail.receivedBy(address).getLast();
        assertThat(mail.subject()).isEqualTo("New briefing: Talks resume in Geneva");
        assertThat(mail.text()).contains("Delegations meet again.").contains("/articles/article-" + articleId)
                .contains("notification settings").doesNotContain(secret);
        assertThat(feed(other, "")).isEmpty();
    }

    @Test
    void aReplyIsToldToTheParentAuthorButAnsweringOneselfTellsNobody() {
        TestUser anna = newMember();
        TestUser vidal = newMember();
        memberApproved(anna);
        String articleId = UUID.randomUUID().toString();
        articleEvent("article.published", articleId, "Envoys meet in Vienna", "A first round.", "Text.",
                List.of(), List.of(), List.of());

        commentEvent("comment.posted", articleId, UUID.randomUUID().toString(), anna.id(), anna.id(), "VISIBLE", "Adding to my own point.");
        commentEvent("comment.posted", articleId, UUID.randomUUID().toString(), vidal.id(), anna.id(), "PENDING", null);
        String replyId = UUID.randomUUID().toString();
        commentEvent("comment.posted", articleId, replyId, vidal.id(), anna.id(), "VISIBLE", "The talks will resume, I am told.");

        await().atMost(PATIENCE).until(() -> !feed(anna, "").isEmpty());
        List<JsonNode> items = feed(anna, "");
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().path("kind").asString()).isEqualTo("COMMENT_REPLY");
        assertThat(items.getFirst().path("summary").asString()).isEqualTo("The talks will resume, I am told.");
        assertThat(items.getFirst().path("link").path("commentId").asString()).isEqualTo(replyId);
        assertThat(items.getFirst().path("link").path("articleSlug").asString()).isEqualTo("article-" + articleId);
        assertThat(feed(vidal, "")).isEmpty();
    }

    @Test
    void aDecisionIsToldToTheCommentsAuthor() {
        TestUser author = newMember();
        String articleId = UUID.randomUUID().toString();
        String commentId = UUID.randomUUID().toString();
        commentEvent("comment.rejected", articleId, commentId, author.id(), null, "REJECTED", null);

        await().atMost(PATIENCE).until(() -> !feed(author, "").isEmpty());
        JsonNode item = feed(author, "").getFirst();
        assertThat(item.path("kind").asString()).isEqualTo("COMMENT_REJECTED");
        assertThat(item.path("link").path("commentId").asString()).isEqualTo(commentId);
    }

    @Test
    void aMemberReadsArchivesAndPagesTheirOwnFeedAndNobodyElses() {
        TestUser anna = newMember();
        TestUser boris = newMember();
        String articleId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            commentEvent("comment.approved", articleId, UUID.randomUUID().toString(), anna.id(), null, "VISIBLE", "Point " + i);
        }
        await().atMost(PATIENCE).until(() -> feed(anna, "").size() == 3);
        List<JsonNode> items = feed(anna, "");
        assertThat(items).extracting(item -> java.time.Instant.parse(item.path("createdAt").asString()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(unread(anna)).isEqualTo(3);
        String first = items.getFirst().path("id").asString();

        ApiClient.Reply foreign = api.post("/api/notifications/feed/" + first + "/read", token(boris), null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("type").asString()).isEqualTo("https://visaport.example/problems/not-found");
        assertThat(api.post("/api/notifications/feed/" + first + "/archive", token(boris), null).status()).isEqualTo(404);
        assertThat(unread(anna)).isEqualTo(3);

        assertThat(api.post("/api/notifications/feed/" + first + "/read", token(anna), null).status()).isEqualTo(204);
        assertThat(unread(anna)).isEqualTo(2);
        assertThat(api.post("/api/notifications/feed/" + first + "/archive", token(anna), null).status()).isEqualTo(204);
        assertThat(feed(anna, "")).hasSize(2).noneMatch(item -> item.path("id").asString().equals(first));
        assertThat(feed(anna, "&archived=true")).hasSize(3)
                .anyMatch(item -> item.path("id").asString().equals(first) && item.path("archived").asBoolean());
        assertThat(api.post("/api/notifications/feed/read-all", token(anna), null).status()).isEqualTo(204);
        assertThat(unread(anna)).isZero();
    }

    @Test
    void aNewMemberGetsDefaultsAndChangesThem() {
        TestUser member = newMember();
        memberApproved(member);
        JsonNode defaults = api.get("/api/notifications/subscriptions", token(member)).json();
        assertThat(defaults.path("repliesToMyComments").path("enabled").asBoolean()).isTrue();
        assertThat(defaults.path("commentDecisions").path("enabled").asBoolean()).isTrue();
        assertThat(defaults.path("tags").isEmpty()).isTrue();

        ApiClient.Reply changed = subscribe(member, List.of("sanctions"), List.of("middle-east"), List.of("AT", "FR"), List.of("EMAIL"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode stored = api.get("/api/notifications/subscriptions", token(member)).json();
        assertThat(stored.path("countries").toString()).isEqualTo("[\"AT\",\"FR\"]");
        assertThat(stored.path("articles").path("channels").toString()).isEqualTo("[\"EMAIL\"]");
    }

    @Test
    void anApplicantHasNoSubscriptionToReadOrChange() {
        String applicant = parts.keycloak().accessToken(DemoUser.APPLICANT);
        Map<String, Object> on = Map.of("enabled", true, "channels", List.of("IN_APP", "EMAIL"), "cadence", "IMMEDIATE");

        ApiClient.Reply chosen = api.put("/api/notifications/subscriptions", applicant, Map.of("tags", List.of("sanctions"),
                "regions", List.of(), "countries", List.of(), "articles", on, "repliesToMyComments", on, "commentDecisions", on));
        assertThat(chosen.status()).isEqualTo(403);
        assertThat(api.get("/api/notifications/subscriptions", applicant).status()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedWithProblemDetails() {
        TestUser member = newMember();
        Map<String, Object> weekly = Map.of("enabled", true, "channels", List.of("IN_APP"), "cadence", "WEEKLY");
        Map<String, Object> on = Map.of("enabled", true, "channels", List.of("IN_APP"), "cadence", "IMMEDIATE");
        ApiClient.Reply refused = api.put("/api/notifications/subscriptions", token(member), Map.of(
                "tags", List.of("Not A Tag"), "regions", List.of(), "countries", List.of("XX"),
                "articles", weekly, "repliesToMyComments", on, "commentDecisions", on));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("https://visaport.example/problems/validation");
        assertThat(refused.json().path("errors").findValuesAsString("message")).hasSize(3)
                .anySatisfy(message -> assertThat(message).contains("must be IMMEDIATE or DAILY_DIGEST"));

        assertThat(api.get("/api/notifications/feed?limit=1000", token(member)).status()).isEqualTo(400);
        ApiClient.Reply forged = api.get("/api/notifications/feed?cursor=forged.cursor", token(member));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        assertThat(api.post("/api/notifications/feed/not-an-id/read", token(member), null).status()).isEqualTo(400);
    }

    @Test
    void aDeletedMembersFeedAndSubscriptionAreErased() {
        TestUser member = newMember();
        memberApproved(member);
        subscribe(member, List.of("sanctions"), List.of(), List.of(), List.of("IN_APP"));
        commentEvent("comment.approved", UUID.randomUUID().toString(), UUID.randomUUID().toString(), member.id(), null, "VISIBLE", "Hi");
        await().atMost(PATIENCE).until(() -> feed(member, "").size() == 1);

        memberDeleted(member.id());

        await().atMost(PATIENCE).until(() -> feed(member, "").isEmpty());
        assertThat(api.get("/api/notifications/subscriptions", token(member)).json().path("tags").isEmpty()).isTrue();
    }

    // --- the live stream ----------------------------------------------------------------------------------------

    @Test
    void aStreamSendsTheMembersNewItemsAndNeverAnotherMembers() {
        TestUser anna = newMember();
        TestUser boris = newMember();
        try (SseStream annas = live(anna, null); SseStream boriss = live(boris, null)) {
            assertThat(annas.header("Content-Type")).startsWith("text/event-stream");
            String articleId = UUID.randomUUID().toString();
            String annasComment = UUID.randomUUID().toString();
            commentEvent("comment.approved", articleId, annasComment, anna.id(), null, "VISIBLE", "Point");

            await().atMost(PATIENCE).until(() -> !annas.events("notification").isEmpty());
            JsonNode item = JSON.readTree(annas.events("notification").getFirst().data());
            assertThat(item.path("kind").asString()).isEqualTo("COMMENT_APPROVED");
            assertThat(item.path("link").path("commentId").asString()).isEqualTo(annasComment);
            assertThat(item.path("id").asString()).isEqualTo(feed(anna, "").getFirst().path("id").asString());

            // Boris's stream is live and past Anna's item once his own arrives: it must be the only one he got.
            String borissComment = UUID.randomUUID().toString();
            commentEvent("comment.approved", articleId, borissComment, boris.id(), null, "VISIBLE", "Other point");
            await().atMost(PATIENCE).until(() -> !boriss.events("notification").isEmpty());
            assertThat(boriss.events("notification")).singleElement().satisfies(event ->
                    assertThat(JSON.readTree(event.data()).path("link").path("commentId").asString()).isEqualTo(borissComment));
            await().atMost(PATIENCE).until(() -> annas.comments().contains("heartbeat"));
            assertThat(annas.events("notification")).hasSize(1);
        }
    }

    @Test
    void aStreamResumedWithLastEventIdSendsExactlyTheMissedItemsInOrder() {
        TestUser anna = newMember();
        String articleId = UUID.randomUUID().toString();
        String seen = UUID.randomUUID().toString();
        String lastEventId;
        try (SseStream first = live(anna, null)) {
            approved(anna, articleId, seen, 1);
            await().atMost(PATIENCE).until(() -> !first.events("notification").isEmpty());
            lastEventId = first.events("notification").getLast().id();
        }
        List<String> missed = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (int i = 0; i < missed.size(); i++) {
            // One at a time, so each is stored after the one before.
            approved(anna, articleId, missed.get(i), i + 2);
        }

        try (SseStream resumed = live(anna, lastEventId)) {
            await().atMost(PATIENCE).until(() -> resumed.events("notification").size() >= missed.size());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> resumed.events("notification").size() == missed.size());
            assertThat(resumed.events()).first().extracting(SseStream.Event::name).isEqualTo("ready");
            assertThat(resumed.events("notification")).extracting(event ->
                    JSON.readTree(event.data()).path("link").path("commentId").asString()).containsExactlyElementsOf(missed);
        }
    }

    @Test
    void aLastEventIdTooOldForgedOrAnotherMembersGetsAReset() {
        TestUser anna = newMember();
        TestUser boris = newMember();
        String borissPosition;
        try (SseStream boriss = live(boris, null)) {
            borissPosition = boriss.events("ready").getFirst().id();
        }
        String tooOld = cursors.after("stream:" + anna.id(),
                new KeysetPosition(Instant.now().minus(25, ChronoUnit.HOURS), "0".repeat(32)));
        String recent = cursors.after("stream:" + anna.id(),
                new KeysetPosition(Instant.now().minus(1, ChronoUnit.HOURS), "0".repeat(32)));

        for (String stale : List.of(tooOld, "forged.id", borissPosition)) {
            try (SseStream stream = live(anna, stale)) {
                assertThat(stream.events().getFirst().name()).as(stale).isEqualTo("reset");
                assertThat(stream.events().getFirst().id()).isNotEqualTo(stale);
            }
        }
        try (SseStream stream = live(anna, recent)) {
            assertThat(stream.events().getFirst().name()).isEqualTo("ready");
        }
    }

    @Test
    void aMemberHoldsAtMostFiveStreamsAndNeedsASignIn() {
        TestUser anna = newMember();
        List<SseStream> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(live(anna, null));
            }
            SseStream sixth = SseStream.open(port, token(anna), null);
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.body()).contains("https://visaport.example/problems/too-many-streams");

            open.removeFirst().close();
            // The server notices the closed connection at the next heartbeat at the latest.
            await().atMost(PATIENCE).until(() -> {
                SseStream again = SseStream.open(port, token(anna), null);
                if (again.status() == 200) {
                    open.add(again);
                    return true;
                }
                return false;
            });
        } finally {
            open.forEach(SseStream::close);
        }
        assertThat(api.get("/api/notifications/stream", null).status()).isEqualTo(401);
    }

    /** A stream of the member's feed, once it is live (its first event has come). */
    private SseStream live(TestUser member, String lastEventId) {
        SseStream stream = SseStream.open(port, token(member), lastEventId);
        assertThat(stream.status()).as(stream::body).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> !stream.events().isEmpty());
        return stream;
    }

    /** A decision on the member's comment, waited for until it is in their feed (as item number {@code count}). */
    private void approved(TestUser member, String articleId, String commentId, int count) {
        commentEvent("comment.approved", articleId, commentId, member.id(), null, "VISIBLE", "Point " + count);
        await().atMost(PATIENCE).until(() -> feed(member, "").size() == count);
    }

    // --- unsubscribe links --------------------------------------------------------------------------------------

    @Test
    void anUnsubscribeLinkOnlyConfirmsWhenOpenedAndUnsubscribesOnPost() {
        TestUser anna = newMember();
        memberApproved(anna);
        String address = newAddress();
        notificationRequested(anna.id(), address, "en", "application-approved", null, null);
        assertThat(TestMail.await(address, PATIENCE).text()).doesNotContain("/api/notifications/unsubscribe");
        String articleId = UUID.randomUUID().toString();
        commentEvent("comment.approved", articleId, UUID.randomUUID().toString(), anna.id(), null, "VISIBLE", "Point");
        await().atMost(PATIENCE).until(() -> TestMail.receivedBy(address).size() == 2);
        Matcher link = Pattern.compile("https?://[^\\s\"]+(/api/notifications/unsubscribe\\?token=[A-Za-z0-9_.-]+)")
                .matcher(TestMail.receivedBy(address).getLast().text());
        assertThat(link.find()).as("an unsubscribe link in the decision mail").isTrue();
        String path = link.group(1);

        ApiClient.Reply confirmation = api.get(path, null);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.header("Content-Type")).startsWith("text/html");
        assertThat(confirmation.body()).contains("<form method=\"post\"").contains("decisions on your comments");
        assertThat(channels(anna, "commentDecisions")).containsExactlyInAnyOrder("IN_APP", "EMAIL");

        ApiClient.Reply oneClick = postForm(path, "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(channels(anna, "commentDecisions")).containsExactly("IN_APP");
        assertThat(channels(anna, "repliesToMyComments")).containsExactlyInAnyOrder("IN_APP", "EMAIL");

        commentEvent("comment.approved", articleId, UUID.randomUUID().toString(), anna.id(), null, "VISIBLE", "Again");
        await().atMost(PATIENCE).until(() -> feed(anna, "").size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> TestMail.receivedBy(address).size() == 2);
    }

    @Test
    void expiredAndForgedUnsubscribeLinksAreRefusedAndChangeNothing() {
        TestUser anna = newMember();
        memberApproved(anna);
        Cursors signer = new Cursors(NotificationServiceTest.UNSUBSCRIBE_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String expired = signer.encode("unsubscribe", anna.id(), "REPLIES", Long.toString(Instant.now().minusSeconds(60).getEpochSecond()));
        String valid = signer.encode("unsubscribe", anna.id(), "REPLIES", Long.toString(Instant.now().plusSeconds(600).getEpochSecond()));
        String someoneElses = signer.encode("unsubscribe", UUID.randomUUID().toString(), "REPLIES",
                Long.toString(Instant.now().plusSeconds(600).getEpochSecond()));
        // Anna's signature on someone else's request.
        String forged = someoneElses.substring(0, someoneElses.indexOf('.')) + valid.substring(valid.indexOf('.'));

        for (ApiClient.Reply reply : List.of(api.get("/api/notifications/unsubscribe?token=" + expired, null),
                postForm("/api/notifications/unsubscribe?token=" + expired, "List-Unsubscribe=One-Click"))) {
            assertThat(reply.status()).isEqualTo(410);
            assertThat(reply.body()).contains("This link has expired");
        }
        for (ApiClient.Reply reply : List.of(api.get("/api/notifications/unsubscribe?token=" + forged, null),
                postForm("/api/notifications/unsubscribe?token=" + forged, "List-Unsubscribe=One-Click"),
                postForm("/api/notifications/unsubscribe?token=not.signed", "List-Unsubscribe=One-Click"),
                postForm("/api/notifications/unsubscribe", "List-Unsubscribe=One-Click"))) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("This link is not valid");
        }
        assertThat(channels(anna, "repliesToMyComments")).containsExactlyInAnyOrder("IN_APP", "EMAIL");
    }

    private List<String> channels(TestUser member, String topic) {
        List<String> channels = new java.util.ArrayList<>();
        api.get("/api/notifications/subscriptions", token(member)).json().path(topic).path("channels")
                .forEach(channel -> channels.add(channel.asString()));
        return channels;
    }

    // --- mail refused for good ------------------------------------------------------------------------------------

    @Test
    void aMailRefusedForGoodIsParkedAfterAFewAttemptsAndCounted() {
        double before = meters.counter("visaport.mail.failed").count();
        String memberId = UUID.randomUUID().toString();
        String valid = newAddress();
        // As an address identity-service took in once and no mail server would accept.
        mongo.insert(OutboxMail.subscribed(UUID.randomUUID().toString().replace("-", ""), memberId, "anna..envoy@mission.example.org",
                null, new Mail("Refused", "Text", "<p>Text</p>"), Instant.now(), Instant.now()));
        notificationRequested(memberId, valid, "en", "application-received", null, null);

        Query refused = Query.query(Criteria.where("memberId").is(memberId).and("subject").is("Refused"));
        await().atMost(PATIENCE).until(() -> "FAILED".equals(mongo.findOne(refused, org.bson.Document.class, "mail_outbox").getString("status")));
        org.bson.Document parked = mongo.findOne(refused, org.bson.Document.class, "mail_outbox");
        assertThat(parked.getInteger("attempts")).isEqualTo(3);
        assertThat(parked.getString("lastError")).contains("AddressException");
        assertThat(meters.counter("visaport.mail.failed").count()).isGreaterThanOrEqualTo(before + 1);
        // The others still go out.
        assertThat(TestMail.await(valid, PATIENCE).subject()).isEqualTo("We received your VisaPort application");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                mongo.findOne(refused, org.bson.Document.class, "mail_outbox").getInteger("attempts") == 3);
    }
}
