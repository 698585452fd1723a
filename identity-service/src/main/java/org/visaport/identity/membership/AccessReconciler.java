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
 * stuck half-way (membership written, process gone before the Keycloak user was confirmed or cleaned up).
 */
@Component
public class AccessReconciler {

    private static final Logger log = LoggerFactory.getLogger(AccessReconciler.class);
    private static final int BATCH = 100;

    private final MembershipStore store;
    private final AccessSync sync;
    private final KeycloakAdminClient keycloak;
    private final Clock clock;
    private final Duration provisioningTimeout;

    public AccessReconciler(MembershipStore store, AccessSync sync, KeycloakAdminClient keycloak, Clock clock,
                            @Value("${visaport.identity.provisioning-timeout:PT10M}") Duration provisioningTimeout) {
        this.store = store;
        this.sync = sync;
        this.keycloak = keycloak;
        this.clock = clock;
        this.provisioningTimeout = provisioningTimeout;
    }

    @Scheduled(fixedDelayString = "${visaport.identity.reconcile-interval:PT1M}")
    @SchedulerLock(name = "identity-access-reconciler", lockAtMostFor = "PT5M")
    public void reconcile() {
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
}
