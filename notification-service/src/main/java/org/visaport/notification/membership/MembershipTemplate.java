package org.visaport.notification.membership;

import java.util.Arrays;
import java.util.Optional;

/**
 * The membership messages identity-service asks for. All are account notices: members cannot unsubscribe from them.
 */
enum MembershipTemplate {
    APPLICATION_RECEIVED("application-received"),
    DUPLICATE_APPLICATION("duplicate-application"),
    APPLICATION_APPROVED("application-approved"),
    APPLICATION_REJECTED("application-rejected"),
    INFORMATION_REQUESTED("information-requested"),
    MEMBER_SUSPENDED("member-suspended"),
    MEMBER_REINSTATED("member-reinstated"),
    POSTING_ENDING("posting-ending"),
    POSTING_LAPSED("posting-lapsed"),
    ACCOUNT_DELETED("account-deleted"),
    APPLICATION_EXPIRED("application-expired");

    /** Identity-service erased the addressee: this is the last message, and their contact must go with it. */
    boolean erases() {
        return this == ACCOUNT_DELETED || this == APPLICATION_EXPIRED;
    }

    private final String key;

    MembershipTemplate(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Optional<MembershipTemplate> of(String key) {
        return Arrays.stream(values()).filter(template -> template.key.equals(key)).findFirst();
    }
}
