package org.visaport.identity.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.identity.audit.AuditLog;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.membership.OutboxEntry;

/**
 * Publishes what memberships have pending, oldest first, one membership at a time under a lease so two instances
 * never relay the same member's events (and their order holds). Stops at the first failure of a membership and
 * retries later; a crash after sending re-sends, which consumers absorb by event id.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MEMBERSHIPS_PER_RUN = 100;

    private final MembershipStore store;
    private final AuditLog auditLog;
    private final KafkaTemplate<String, String> kafka;
    private final MemberEventProperties properties;
    private final Clock clock;

    public OutboxRelay(MembershipStore store, AuditLog auditLog, KafkaTemplate<String, String> kafka,
                       MemberEventProperties properties, Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${visaport.identity.events.relay-interval:PT0.5S}")
    public void relay() {
        for (int i = 0; i < MEMBERSHIPS_PER_RUN; i++) {
            Optional<Membership> claimed = store.claimForRelay(clock.instant(), clock.instant().plus(properties.relayLease()));
            if (claimed.isEmpty()) {
                return;
            }
            relay(claimed.get());
        }
    }

    private void relay(Membership membership) {
        List<String> done = new ArrayList<>();
        try {
            for (OutboxEntry entry : membership.outbox()) {
                if (entry.audit() != null) {
                    auditLog.record(entry.audit());
                }
                if (entry.topic() != null) {
                    kafka.send(entry.topic(), entry.key(), entry.payload()).get(10, TimeUnit.SECONDS);
                }
                done.add(entry.entryId());
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Relaying events of membership {} failed; retrying later: {}", membership.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (done.isEmpty()) {
                store.releaseRelay(membership.id());
            } else {
                store.markRelayed(membership.id(), done);
            }
        }
    }
}
