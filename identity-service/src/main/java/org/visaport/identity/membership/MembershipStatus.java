package org.visaport.identity.membership;

/** Where a membership stands. PROVISIONING only lives while an application is being written to Keycloak. */
public enum MembershipStatus {
    PROVISIONING,
    PENDING_VERIFICATION,
    INFORMATION_REQUESTED,
    ACTIVE,
    REJECTED,
    SUSPENDED,
    LAPSED,
    ERASED
}
