package org.visaport.identity.membership;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.keycloak.KeycloakUnavailableException;

/**
 * Brings the Keycloak user in line with what the membership says: enabled or not (disabling also ends every session),
 * which of the roles membership manages it holds, or gone altogether once erased. Every step is idempotent, so a
 * retry after a partial failure simply finishes the job.
 */
@Component
public class AccessSync {

    private static final Logger log = LoggerFactory.getLogger(AccessSync.class);

    private final KeycloakAdminClient keycloak;
    private final MembershipStore store;

    public AccessSync(KeycloakAdminClient keycloak, MembershipStore store) {
        this.keycloak = keycloak;
        this.store = store;
    }

    /** Returns whether Keycloak now matches; if not, the pending flag stays and the reconciler tries again. */
    public boolean sync(Membership membership) {
        try {
            apply(membership);
            store.markAccessSynced(membership.id(), membership.accessGeneration());
            return true;
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
            return;
        }
        keycloak.setEnabled(userId, true);
        Set<String> held = new HashSet<>(keycloak.realmRoles(userId));
        held.retainAll(Membership.MANAGED_ROLES);
        Set<String> missing = new HashSet<>(membership.roles());
        missing.removeAll(held);
        Set<String> surplus = new HashSet<>(held);
        surplus.removeAll(membership.roles());
        keycloak.addRealmRoles(userId, missing);
        keycloak.removeRealmRoles(userId, surplus);
    }
}
