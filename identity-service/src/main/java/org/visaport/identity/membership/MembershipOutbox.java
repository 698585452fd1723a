package org.visaport.identity.membership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.visaport.identity.audit.AuditLog;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.outbox.OutboxRelays;

/**
 * The relay of the memberships' outboxes: events go to Kafka, audit entries (local steps) into the audit trail, in the
 * order they were written; an erased membership is removed once its last entry is out.
 */
@Configuration(proxyBeanMethods = false)
class MembershipOutbox {

    @Bean
    OutboxRelay membershipOutboxRelay(OutboxRelays relays, AuditLog auditLog, MembershipStore store) {
        return relays.create(OutboxDefinition.of("memberships")
                .withLocalStep(auditLog::file)
                .withAfterRelay(store::removeIfErasedAndSettled));
    }
}
