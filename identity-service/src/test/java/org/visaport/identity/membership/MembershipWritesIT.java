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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final LocalDate NOW_DAY = LocalDate.parse("2026-11-25");

    private MongoClient client;
    private MongoTemplate mongo;
    private MembershipStore store;
    private KeycloakAdminClient keycloak;
    /** Keycloak's realm roles per user. */
    private final Map<String, Set<String>> realm = new HashMap<>();
    /** Those of the user inserted last. */
    private Set<String> keycloakRoles = new HashSet<>();
    private AuditLog auditLog;
    private AdminAdoption adoption;
    private MembershipChanges changes;

    @BeforeEach
    void realStore() {
        client = MongoClients.create(org.visaport.testsupport.EmbeddedMongo.uri());
        mongo = new MongoTemplate(client, "writes_" + UUID.randomUUID().toString().replace("-", ""));
        store = new MembershipStore(mongo);
        keycloak = mock(KeycloakAdminClient.class);
        when(keycloak.realmRoles(anyString())).thenAnswer(call -> Set.copyOf(rolesOf(call.getArgument(0))));
        doAnswer(call -> rolesOf(call.getArgument(0)).addAll(call.<Collection<String>>getArgument(1))).when(keycloak)
                .addRealmRoles(anyString(), anyCollection());
        doAnswer(call -> rolesOf(call.getArgument(0)).removeAll(call.<Collection<String>>getArgument(1))).when(keycloak)
                .removeRealmRoles(anyString(), anyCollection());
        auditLog = new AuditLog(mongo, JsonMapper.builder().build());
        adoption = new AdminAdoption(keycloak, store, auditLog, mock(OutboxRelay.class), CLOCK);
        changes = new MembershipChanges(store, auditLog, newSync(), mock(OutboxRelay.class), CLOCK);
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
        boolean synced = newSync().sync(granted);

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

    // ---- admin, made in Keycloak before memberships recorded it ---------------------------------------------------

    @Test
    void aSyncAdoptsKeycloaksAdminSoALapsedAdminLosesItAndGetsItBackWithANewPosting() {
        Membership legacy = insertLegacyAdmin(MembershipStatus.ACTIVE);

        changes.apply(legacy, legacy.lapse(NOW_DAY.minusDays(1)), null, (after, audit) -> List.of());

        Membership adopted = store.byId(legacy.id()).orElseThrow();
        assertThat(adopted.adminAdopted()).isTrue();
        assertThat(adopted.status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(adopted.roles()).as("recorded, not dropped").containsExactly("admin");
        assertThat(keycloakRoles).as("withheld while lapsed").isEmpty();
        assertThat(adopted.accessSyncPending()).isFalse();
        assertThat(auditActions(legacy.memberId())).containsExactlyInAnyOrder("posting-lapsed", "role-adopted:admin");

        Membership renewed = changes.apply(adopted, adopted.postingRenewal(SELF), null, (after, audit) -> List.of())
                .membership();
        assertThat(renewed.roles()).containsExactlyInAnyOrder("member", "admin");
        assertThat(keycloakRoles).as("back with the membership").containsExactlyInAnyOrder("member", "admin");
    }

    @Test
    void anActiveAdminFromBeforeKeepsTheRoleThroughAnyOtherChange() {
        Membership legacy = insertLegacyAdmin(MembershipStatus.ACTIVE);

        changes.apply(legacy, legacy.roleChange("editor", true, ADMIN, null).orElseThrow(), null, (after, audit) -> List.of());

        Membership now = store.byId(legacy.id()).orElseThrow();
        assertThat(now.roles()).containsExactlyInAnyOrder("member", "editor", "admin");
        assertThat(now.adminAdopted()).isTrue();
        assertThat(keycloakRoles).containsExactlyInAnyOrder("member", "editor", "admin");
    }

    @Test
    void theReconcilerAdoptsOlderMembershipsAndWithholdsAdminFromThoseNotActive() {
        Membership active = insertLegacyAdmin(MembershipStatus.ACTIVE);
        Set<String> activeKeycloak = keycloakRoles;
        Membership lapsed = insertLegacyAdmin(MembershipStatus.LAPSED);
        Set<String> lapsedKeycloak = keycloakRoles;
        Membership plain = insert(MembershipStatus.ACTIVE, Set.of("member"), false);
        AccessReconciler reconciler = new AccessReconciler(store, newSync(), adoption, keycloak, CLOCK, Duration.ofMinutes(10));

        reconciler.reconcile();

        assertThat(store.awaitingAdminAdoption(10)).isEmpty();
        assertThat(store.byId(active.id()).orElseThrow().roles()).containsExactlyInAnyOrder("member", "admin");
        assertThat(activeKeycloak).as("the active admin's Keycloak user").containsExactlyInAnyOrder("member", "admin");
        Membership lapsedNow = store.byId(lapsed.id()).orElseThrow();
        assertThat(lapsedNow.roles()).containsExactly("admin");
        assertThat(lapsedNow.accessSyncPending()).isFalse();
        assertThat(lapsedKeycloak).as("the lapsed admin's Keycloak user").isEmpty();
        Membership plainNow = store.byId(plain.id()).orElseThrow();
        assertThat(plainNow.roles()).containsExactly("member");
        assertThat(plainNow.adminAdopted()).isTrue();
        assertThat(auditActions(plain.memberId())).as("nothing to take over, nothing to audit").isEmpty();
    }

    @Test
    void anAdoptionDecidedBeforeARevocationCannotPutAdminBack() {
        Membership stale = insertLegacyAdmin(MembershipStatus.ACTIVE);
        Membership adopted = adoption.adopt(stale);
        assertThat(adopted.roles()).contains("admin");
        changes.apply(adopted, adopted.roleChange("admin", false, ADMIN, null).orElseThrow(), null, (after, audit) -> List.of());
        assertThat(keycloakRoles).containsExactly("member");
        // A sync that read the membership before the adoption finds admin in Keycloak again (given there by hand, or the
        // revocation's own sync not through yet): it must not record it over the revocation.
        keycloakRoles.add("admin");

        assertThat(newSync().sync(stale)).isTrue();

        assertThat(store.byId(stale.id()).orElseThrow().roles()).containsExactly("member");
        assertThat(keycloakRoles).containsExactly("member");
    }

    private Set<String> rolesOf(String userId) {
        return realm.computeIfAbsent(userId, user -> new HashSet<>());
    }

    private AccessSync newSync() {
        return new AccessSync(keycloak, store, adoption);
    }

    /** A membership stored before admin was managed, whose Keycloak user was made an admin by hand. */
    private Membership insertLegacyAdmin(MembershipStatus status) {
        Membership m = insert(status, status == MembershipStatus.ACTIVE ? Set.of("member") : Set.of(), false);
        keycloakRoles.add("admin");
        return m;
    }

    private Membership insert(MembershipStatus status, Set<String> roles, boolean adminAdopted) {
        String id = UUID.randomUUID().toString();
        Membership m = Membership.provisional(id, id + "@mission.example", "Anna Envoy", "de",
                        new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", NOW_DAY.minusDays(2)), null, NOW)
                .toBuilder().memberId("member-" + id).status(status).roles(roles).adminAdopted(adminAdopted).build();
        store.insert(m);
        if (!adminAdopted) {
            mongo.getCollection("memberships").updateOne(new Document("_id", id),
                    new Document("$unset", new Document("adminAdopted", "")));
        }
        keycloakRoles = rolesOf(m.memberId());
        keycloakRoles.addAll(m.keycloakRoles());
        return store.byId(id).orElseThrow();
    }

    private List<String> auditActions(String memberId) {
        return auditLog.page(memberId, null, 100).stream().map(entry -> entry.action()).toList();
    }

    /** An active moderator whose Keycloak user holds what the membership says. */
    private Membership insertModerator() {
        String id = UUID.randomUUID().toString();
        Membership m = Membership.provisional(id, id + "@mission.example", "Anna Envoy", "de",
                        new Credentials("AT", "Mission", "Counsellor", "DIP-1", "Vienna", LocalDate.parse("2028-07-31")), null, NOW)
                .toBuilder().memberId("member-" + id).status(MembershipStatus.ACTIVE).roles(Set.of("member", "moderator"))
                .build();
        store.insert(m);
        keycloakRoles = rolesOf(m.memberId());
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
