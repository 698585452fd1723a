package org.visaport.comment.comment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.visaport.comment.audit.AuditLog;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.outbox.OutboxRelays;

/** Comments keep their pending events and audit entries in their own {@code outbox}; the shared relay sends them. */
@Configuration(proxyBeanMethods = false)
class CommentOutbox {

    @Bean
    OutboxRelay commentOutboxRelay(OutboxRelays relays, AuditLog audit) {
        return relays.create(OutboxDefinition.of("comments").withLocalStep(audit::file));
    }
}
