package org.visaport.identity.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.platform.outbox.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes against the real store (the MongoDB-wire server, no Spring): a change decided on an older read never
 * overwrites a newer one, and Keycloak ends up with the newest access even when syncs of two changes overlap.
 * Keycloak is an in-memory stand-in here; the end-to-end race is in {@code MembershipRulesContract}.
 */
class MembershipWritesIT {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Actor ADMIN = new Actor("admin-1", "admin@visaport.local");
    private static final Actor SELF = new Actor("member-1", "the member");

    private MongoClient client;
    private MongoTemplate mongo;
    private MembershipStore store;
    private KeycloakAdminClient keycloak;
    private final Set<String> keycloakRoles = new HashSet<>();
    private MembershipChanges changes;

    @BeforeEach
    void realStore() {
        client = MongoClients.create(org.visaport.testsupport.EmbeddedMongo.uri());
        mongo = new MongoTemplate(client, "writes_" + UUID.randomUUID().toString().replace("-", ""));
        store = new MembershipStore(mongo);
        keycloak = mock(KeycloakAdminClient.class);
        when(keycloak.realmRoles(anyString())).thenAnswer(call -> Set.copyOf(keycloakRoles));
        doAnswer(call -> keycloakRoles.addAll(call.<Collection<String>>getArgument(1))).when(keycloak)
                .addRealmRoles(anyString(), anyCollection());
        doAnswer(call -> keycloakRoles.removeAll(call.<Collection<String>>getArgument(1))).when(keycloak)
                .removeRealmRoles(anyString(), anyCollection());
        changes = new MembershipChanges(store, new AuditLog(mongo, JsonMapper.builder().build()),
                new AccessSync(keycloak, store), mock(OutboxRelay.class), CLOCK);
    }

    @AfterEach
    void drop() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void anEditDecidedBeforeARevocationCannotPutTheRoleBack() {
        Membership read = insertModerator();
        revokeModerator();

        assertThatThrownBy(() -> changes.apply(read, read.profileUpdate(SELF), new Update().set("displayName", "Amb. Envoy"),
                (after, audit) -> List.of()))
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(409));

        Membership now = store.byId(read.id()).orElseThrow();
        assertThat(now.roles()).containsExactly("member");
        assertThat(now.displayName()).isEqualTo("Anna Envoy");
        assertThat(keycloakRoles).containsExactly("member");
    }

    @Test
    void onLatestDecidesAgainOnWhatIsThereNow() {
        Membership first = insertModerator();
        AtomicBoolean revokedMeanwhile = new AtomicBoolean();

        Membership edited = changes.onLatest(() -> store.byId(first.id()).orElseThrow(), m -> {
            if (revokedMeanwhile.compareAndSet(false, true)) {
                revokeModerator();
            }
            return changes.apply(m, m.profileUpdate(SELF), new Update().set("displayName", "Amb. Envoy"),
                    (after, audit) -> List.of()).membership();
        });

        assertThat(edited.roles()).containsExactly("member");
        assertThat(edited.displayName()).isEqualTo("Amb. Envoy");
        assertThat(edited.version()).as("the revocation's, then the edit's").isEqualTo(2);
        assertThat(keycloakRoles).containsExactly("member");
    }

    @Test
    void aSyncOfAnOlderStateThatFinishesLastAppliesTheNewestAgain() {
        Membership inserted = insertModerator();
        mongo.getCollection("memberships").updateOne(new Document("_id", inserted.id()),
                new Document("$set", new Document("accessGeneration", 1L).append("accessSyncPending", true)));
        Membership granted = store.byId(inserted.id()).orElseThrow();
        revokeModerator();
        assertThat(keycloakRoles).containsExactly("member");

        // The grant's sync was slow: it reaches Keycloak after the revocation's sync has finished.
        boolean synced = new AccessSync(keycloak, store).sync(granted);

        assertThat(synced).isTrue();
        assertThat(keycloakRoles).as("the newest access won").containsExactly("member");
        assertThat(store.byId(granted.id()).orElseThrow().accessSyncPending()).isFalse();
    }

    @Test
    void aMembershipStoredBeforeVersionsExistedCountsAsVersionZero() {
        Membership m = insertModerator();
        mongo.getCollection("memberships").updateOne(new Document("_id", m.id()), new Document("$unset", new Document("version", "")));
        Membership legacy = store.byId(m.id()).orElseThrow();
        assertThat(legacy.version()).isZero();

        Membership edited = changes.apply(legacy, legacy.profileUpdate(SELF), new Update().set("displayName", "Amb. Envoy"),
                (after, audit) -> List.of()).membership();

        assertThat(edited.version()).isEqualTo(1L);
        assertThat(edited.roles()).containsExactlyInAnyOrder("member", "moderator");
    }

    /** An active moderator whose Keycloak user holds what the membership says. */
    private Membership insertModerator() {
        String id = UUID.randomUUID().toString();
        Membership m = Membership.provisional(id, id + "@mission.example", "Anna Envoy", "de",
                        new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", LocalDate.parse("2028-07-31")), null, NOW)
                .toBuilder().memberId("member-" + id).status(MembershipStatus.ACTIVE).roles(Set.of("member", "moderator"))
                .build();
        store.insert(m);
        keycloakRoles.clear();
        keycloakRoles.addAll(m.roles());
        return m;
    }

    private void revokeModerator() {
        Membership current = store.byMemberId(memberIdOfOnly()).orElseThrow();
        changes.apply(current, current.roleChange("moderator", false, ADMIN, null).orElseThrow(), null,
                (after, audit) -> List.of());
    }

    private String memberIdOfOnly() {
        return mongo.findAll(Membership.class).getFirst().memberId();
    }
}
