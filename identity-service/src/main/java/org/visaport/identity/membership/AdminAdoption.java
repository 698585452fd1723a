package org.visaport.identity.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.visaport.identity.audit.AuditEntry;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxRelay;

/**
 * Takes {@code admin} over from Keycloak, once per membership written before {@code admin} was a managed role: until
 * then an admin was made in Keycloak by hand and the membership knew nothing of it. Whether Keycloak gives the role is
 * recorded on the membership ({@link Membership#adminAdoption}, audited as {@code role-adopted:admin}) and the
 * membership marked as adopted, so from then on {@code admin} works like {@code moderator}: withheld while the membership
 * is not active, back with it, granted and revoked by admins only. Nobody loses {@code admin} by the adoption itself; an
 * admin whose membership has lapsed or is suspended loses it in Keycloak with the sync that follows.
 *
 * <p>The access sync adopts before it applies roles, and the reconciler adopts the rest in batches. The adoption is
 * written like a decision, compare-and-set on the version read before Keycloak was asked: if anything changed the
 * membership meanwhile (a revocation, say), it asks again on the latest, so what Keycloak held is never recorded over a
 * newer decision.
 */
@Component
public class AdminAdoption {

    private static final Logger log = LoggerFactory.getLogger(AdminAdoption.class);
    private static final int ATTEMPTS = 4;

    private final KeycloakAdminClient keycloak;
    private final MembershipStore store;
    private final AuditLog auditLog;
    private final OutboxRelay relay;
    private final Clock clock;

    public AdminAdoption(KeycloakAdminClient keycloak, MembershipStore store, AuditLog auditLog, OutboxRelay relay,
                         Clock clock) {
        this.keycloak = keycloak;
        this.store = store;
        this.auditLog = auditLog;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * The membership as it is once adopted, or as given if there is nothing to adopt. Asks Keycloak (and throws its
     * {@link org.visaport.identity.keycloak.KeycloakUnavailableException}) only for a membership not adopted yet. If
     * other writes keep coming first, returns the latest membership still not adopted: {@link Membership#managedRoles()}
     * then leaves Keycloak's {@code admin} alone, and the next attempt adopts it.
     */
    public Membership adopt(Membership membership) {
        Membership current = membership;
        for (int attempt = 1; attempt <= ATTEMPTS && current.awaitsAdminAdoption(); attempt++) {
            boolean held = heldInKeycloak(current.memberId());
            Optional<Membership> adopted = write(current, held);
            if (adopted.isPresent()) {
                return adopted.get();
            }
            Optional<Membership> latest = store.byId(current.id());
            if (latest.isEmpty()) {
                return current;
            }
            current = latest.get();
        }
        return current;
    }

    private boolean heldInKeycloak(String userId) {
        try {
            return keycloak.realmRoles(userId).contains(Membership.ADMIN);
        } catch (HttpClientErrorException.NotFound gone) {
            // A user removed in Keycloak gives nobody admin.
            return false;
        }
    }

    private Optional<Membership> write(Membership current, boolean held) {
        Change adoption = current.adminAdoption(held);
        Instant now = clock.instant();
        Update update = new Update().set("adminAdopted", true);
        if (!held) {
            // Nothing to take over: only the mark, still on the version read, so a newer decision is asked about again.
            return store.transition(current, update, false, List.of());
        }
        update.set("roles", adoption.roles()).set("updatedAt", now);
        AuditEntry audit = new AuditEntry(UUID.randomUUID().toString(), current.memberId(), adoption.action(),
                adoption.actor().id(), adoption.actor().name(), current.status().name(), adoption.to().name(),
                adoption.reason(), now);
        List<OutboxEvent> entries = List.of(auditLog.localStep(audit));
        // Keycloak holds admin already; it has to change only if the membership withholds it (not active).
        boolean withheld = !current.after(adoption, now).keycloakRoles().contains(Membership.ADMIN);
        Optional<Membership> written = store.transition(current, update, withheld, entries);
        written.ifPresent(adopted -> {
            auditLog.record(audit);
            relay.dispatch(adopted.id());
            log.info("Adopted admin from Keycloak into the {} membership of member {}", adopted.status(), adopted.memberId());
        });
        return written;
    }
}
