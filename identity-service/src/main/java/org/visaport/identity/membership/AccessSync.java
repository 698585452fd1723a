package org.visaport.identity.membership;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.keycloak.KeycloakUnavailableException;

/**
 * Brings the Keycloak user in line with what the membership says: enabled or not (disabling also ends every session),
 * which of the roles membership manages it holds ({@link Membership#keycloakRoles()}: staff roles, {@code admin}
 * included, only while active), or gone altogether once erased. A membership from before {@code admin} was managed
 * first adopts what Keycloak gives ({@link AdminAdoption}), so no admin is dropped unseen. Every step is idempotent, so a retry after a partial failure simply finishes the
 * job. Two syncs of one member may overlap (a decision's own and the reconciler's, or two decisions'): whichever
 * applied an older state than the membership has by the time it is done applies the newest one again, so the last
 * state Keycloak is given is the membership's.
 */
@Component
public class AccessSync {

    private static final Logger log = LoggerFactory.getLogger(AccessSync.class);
    /** Rounds one call makes while newer changes keep coming in; after that the reconciler takes over. */
    private static final int ROUNDS = 3;

    private final KeycloakAdminClient keycloak;
    private final MembershipStore store;
    private final AdminAdoption adoption;

    public AccessSync(KeycloakAdminClient keycloak, MembershipStore store, AdminAdoption adoption) {
        this.keycloak = keycloak;
        this.store = store;
        this.adoption = adoption;
    }

    /** Returns whether Keycloak now matches; if not, the pending flag stays and the reconciler tries again. */
    public boolean sync(Membership membership) {
        Membership applied = membership;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                // Adopting may raise the access generation (an admin whose membership is not active loses the role).
                applied = adoption.adopt(applied);
                apply(applied);
                if (store.markAccessSynced(applied.id(), applied.accessGeneration())) {
                    return true;
                }
                // A newer change came in meanwhile, and its own sync may have finished before this one: Keycloak may
                // hold the older state now. Flag it for the reconciler first, in case the next round fails.
                store.markAccessSyncPending(applied.id());
                Optional<Membership> latest = store.byId(applied.id());
                if (latest.isEmpty()) {
                    return true;
                }
                applied = latest.get();
            }
            return false;
        } catch (KeycloakUnavailableException e) {
            log.warn("Keycloak unavailable; access of member {} will be synchronised later", membership.memberId());
            return false;
        }
    }

    private void apply(Membership membership) {
        String userId = membership.memberId();
        if (membership.status() == MembershipStatus.ERASED) {
            keycloak.deleteUser(userId);
            return;
        }
        if (!membership.enabled()) {
            keycloak.setEnabled(userId, false);
            keycloak.logout(userId);
            syncRoles(userId, membership);
            return;
        }
        // Roles first: the user never signs in with more than the membership grants.
        syncRoles(userId, membership);
        keycloak.setEnabled(userId, true);
    }

    private void syncRoles(String userId, Membership membership) {
        Set<String> granted = membership.keycloakRoles();
        Set<String> held = new HashSet<>(keycloak.realmRoles(userId));
        held.retainAll(membership.managedRoles());
        Set<String> missing = new HashSet<>(granted);
        missing.removeAll(held);
        Set<String> surplus = new HashSet<>(held);
        surplus.removeAll(granted);
        keycloak.removeRealmRoles(userId, surplus);
        keycloak.addRealmRoles(userId, missing);
    }
}
