package org.visaport.identity.membership;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.keycloak.KeycloakUnavailableException;

/**
 * Repairs what a crash or a Keycloak outage left behind: access changes not yet applied to Keycloak, and applications
 * stuck half-way (membership written, process gone before the Keycloak user was confirmed or cleaned up). Also adopts
 * {@code admin} from Keycloak into memberships written before it was managed ({@link AdminAdoption}), a batch a run, so
 * an admin whose membership had already lapsed or been suspended loses the role without waiting for another change.
 */
@Component
public class AccessReconciler {

    private static final Logger log = LoggerFactory.getLogger(AccessReconciler.class);
    private static final int BATCH = 100;

    private final MembershipStore store;
    private final AccessSync sync;
    private final AdminAdoption adoption;
    private final KeycloakAdminClient keycloak;
    private final Clock clock;
    private final Duration provisioningTimeout;

    public AccessReconciler(MembershipStore store, AccessSync sync, AdminAdoption adoption, KeycloakAdminClient keycloak,
                            Clock clock,
                            @Value("${visaport.identity.provisioning-timeout:PT10M}") Duration provisioningTimeout) {
        this.store = store;
        this.sync = sync;
        this.adoption = adoption;
        this.keycloak = keycloak;
        this.clock = clock;
        this.provisioningTimeout = provisioningTimeout;
    }

    @Scheduled(fixedDelayString = "${visaport.identity.reconcile-interval:PT1M}")
    @SchedulerLock(name = "identity-access-reconciler", lockAtMostFor = "PT5M")
    public void reconcile() {
        adoptAdmins();
        // Adoptions that withhold admin from a membership not active are among these.
        store.pendingAccessSync(BATCH).forEach(sync::sync);
        store.provisioningSince(clock.instant().minus(provisioningTimeout), BATCH).forEach(stuck -> {
            try {
                // Only a user created after the application began can be its orphan; an older one belongs to someone else.
                keycloak.findByEmail(stuck.email())
                        .filter(user -> user.createdSince(stuck.appliedAt()))
                        .ifPresent(user -> keycloak.deleteUser(user.id()));
                store.deleteUnfinished(stuck.id());
                log.info("Removed the unfinished application {}", stuck.id());
            } catch (KeycloakUnavailableException e) {
                log.warn("Keycloak unavailable; unfinished application {} stays for the next run", stuck.id());
            }
        });
    }

    private void adoptAdmins() {
        for (Membership older : store.awaitingAdminAdoption(BATCH)) {
            try {
                adoption.adopt(older);
            } catch (KeycloakUnavailableException e) {
                log.warn("Keycloak unavailable; admin roles of older memberships will be adopted on the next run");
                return;
            } catch (RuntimeException e) {
                // One membership Keycloak refuses to tell about holds up neither the others nor the rest of the run.
                log.warn("Could not adopt the admin role of member {}; trying again on the next run", older.memberId(), e);
            }
        }
    }
}
