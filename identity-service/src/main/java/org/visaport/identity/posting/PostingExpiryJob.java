package org.visaport.identity.posting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.outbox.OutboxRelay;

/**
 * Membership follows the posting: members are reminded before their posting ends, and the {@code member} role
 * lapses once it has ended, until they confirm a new posting. Runs on one instance at a time (ShedLock); each step
 * is also a conditional update, so even an overlapping run cannot remind or lapse twice. Reads the memberships in
 * batches in id order, so every one in the window is seen however many there are, reminded ones included.
 */
@Component
public class PostingExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(PostingExpiryJob.class);

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final MemberEventFactory events;
    private final OutboxRelay relay;
    private final PostingProperties properties;
    private final Clock clock;

    public PostingExpiryJob(MembershipStore store, MembershipChanges changes, MemberEventFactory events, OutboxRelay relay,
                            PostingProperties properties, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${visaport.identity.posting.cron:0 15 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "identity-posting-expiry", lockAtMostFor = "PT30M")
    public void run() {
        LocalDate today = LocalDate.now(clock);
        long remindBefore = properties.remindBefore().toDays();
        String after = null;
        List<Membership> batch;
        do {
            batch = store.activeWithPostingEndingBy(today.plusDays(remindBefore), after, properties.batchSize());
            for (Membership m : batch) {
                try {
                    switch (PostingStep.decide(m, today, remindBefore)) {
                        case REMIND -> remind(m);
                        case LAPSE -> lapse(m);
                        case NOTHING -> { }
                    }
                } catch (RuntimeException e) {
                    // One membership's trouble must not keep the others from their reminders; the next run retries it.
                    log.warn("Posting expiry of membership {} failed; the next run tries again: {}", m.id(), e.toString());
                }
            }
            after = batch.isEmpty() ? after : batch.getLast().id();
        } while (batch.size() == properties.batchSize());
    }

    private void remind(Membership m) {
        LocalDate endsOn = m.credentials().postingEndsOn();
        if (store.markReminded(m.id(), endsOn, List.of(events.notification(new MemberEvents.NotificationRequested(
                m.memberId(), m.email(), m.fullName(), m.language(), "posting-ending", null, endsOn), m.memberId())))) {
            relay.dispatch(m.id());
        }
    }

    private void lapse(Membership m) {
        LocalDate endedOn = m.credentials().postingEndsOn();
        try {
            changes.apply(m, m.lapse(endedOn), null, (after, audit) -> List.of(
                    events.event("member.lapsed", m.memberId(), new MemberEvents.Lapsed(m.memberId(), endedOn, audit.at())),
                    events.notification(new MemberEvents.NotificationRequested(m.memberId(), m.email(), m.fullName(),
                            m.language(), "posting-lapsed", null, endedOn), m.memberId())));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != 409) {
                throw e;
            }
            log.debug("Member {} changed while lapsing; next run decides again", m.memberId());
        }
    }
}
