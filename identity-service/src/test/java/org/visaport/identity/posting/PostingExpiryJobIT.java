package org.visaport.identity.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.membership.AccessSync;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.testsupport.EmbeddedMongo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The expiry job against the real store, in batches smaller than the memberships in the window: every one is seen,
 * however many were reminded already. No Spring; Keycloak and Kafka stay out (access sync and relay are stand-ins).
 */
class PostingExpiryJobIT {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(2, 15).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final int BATCH = 3;

    private MongoClient client;
    private MongoTemplate mongo;
    private MembershipStore store;
    private OutboxRelay relay;
    private PostingExpiryJob job;
    private int stored;

    @BeforeEach
    void realStore() {
        client = MongoClients.create(EmbeddedMongo.uri());
        mongo = new MongoTemplate(client, "posting_" + UUID.randomUUID().toString().replace("-", ""));
        store = new MembershipStore(mongo);
        relay = mock(OutboxRelay.class);
        JsonMapper json = JsonMapper.builder().build();
        AuditLog auditLog = new AuditLog(mongo, json);
        MembershipChanges changes = new MembershipChanges(store, auditLog, mock(AccessSync.class), relay, CLOCK);
        MemberEventFactory events = new MemberEventFactory(new EventRecorder(json, CLOCK, "/identity-service"));
        job = new PostingExpiryJob(store, changes, events, relay, new PostingProperties(Duration.ofDays(30), BATCH), CLOCK);
    }

    @AfterEach
    void drop() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void remindsAndLapsesEveryMembershipInTheWindowAcrossBatches() {
        // First in id order (and stored first): a job reading only the first batch again and again sees nothing else.
        List<Membership> remindedAlready = insert(4, MembershipStatus.ACTIVE, TODAY.plusDays(5), true);
        List<Membership> toRemind = insert(7, MembershipStatus.ACTIVE, TODAY.plusDays(20), false);
        List<Membership> ended = insert(4, MembershipStatus.ACTIVE, TODAY.minusDays(2), true);
        List<Membership> later = insert(2, MembershipStatus.ACTIVE, TODAY.plusDays(90), false);
        List<Membership> suspended = insert(2, MembershipStatus.SUSPENDED, TODAY.minusDays(2), false);

        job.run();

        for (Membership m : toRemind) {
            Membership now = reload(m);
            assertThat(now.postingReminderSentFor()).as(m.id()).isEqualTo(TODAY.plusDays(20));
            assertThat(now.outbox()).extracting(OutboxEvent::type).containsExactly("member.notification-requested");
            assertThat(now.outbox().getFirst().payload()).contains("\"template\":\"posting-ending\"");
            verify(relay).dispatch(m.id());
        }
        for (Membership m : ended) {
            Membership now = reload(m);
            assertThat(now.status()).as(m.id()).isEqualTo(MembershipStatus.LAPSED);
            assertThat(now.roles()).doesNotContain("member");
            assertThat(now.outbox()).extracting(OutboxEvent::type)
                    .containsExactly(AuditLog.LOCAL_STEP, "member.lapsed", "member.notification-requested");
            verify(relay).dispatch(m.id());
        }
        for (Membership m : concat(remindedAlready, later, suspended)) {
            assertThat(reload(m)).as(m.id() + " untouched").isEqualTo(m);
        }

        job.run();

        for (Membership m : toRemind) {
            assertThat(reload(m).outbox()).as(m.id() + " reminded once").hasSize(1);
            verify(relay, times(1)).dispatch(m.id());
        }
        for (Membership m : ended) {
            assertThat(reload(m).outbox()).as(m.id() + " lapsed once").hasSize(3);
            verify(relay, times(1)).dispatch(m.id());
        }
    }

    @Test
    void aWindowOfExactlyOneBatchEnds() {
        List<Membership> toRemind = insert(BATCH, MembershipStatus.ACTIVE, TODAY.plusDays(1), false);

        job.run();

        toRemind.forEach(m -> assertThat(reload(m).postingReminderSentFor()).isEqualTo(TODAY.plusDays(1)));
    }

    private List<Membership> insert(int count, MembershipStatus status, LocalDate endsOn, boolean remindedForIt) {
        List<Membership> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("m%03d-%s", ++stored, UUID.randomUUID());
            Membership m = Membership.provisional(id, id + "@mission.example", "Envoy " + i, "de",
                            new Credentials("AT", "Mission", "Counsellor", "DIP-" + i, "Vienna", endsOn), null,
                            Instant.parse("2026-01-01T00:00:00Z"))
                    .toBuilder().memberId("member-" + id).status(status).roles(Set.of("member"))
                    .enabled(status != MembershipStatus.SUSPENDED).postingReminderSentFor(remindedForIt ? endsOn : null)
                    .build();
            store.insert(m);
            made.add(m);
        }
        return made;
    }

    private Membership reload(Membership m) {
        return mongo.findById(m.id(), Membership.class);
    }

    @SafeVarargs
    private static List<Membership> concat(List<Membership>... lists) {
        List<Membership> all = new ArrayList<>();
        for (List<Membership> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
