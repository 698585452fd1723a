package org.visaport.identity.posting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.identity.events.MemberEventFactory;
import org.visaport.identity.events.MemberEvents;
import org.visaport.identity.membership.Actor;
import org.visaport.identity.membership.Change;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.web.ConflictException;

/**
 * Membership follows the posting: members are reminded before their posting ends, and the {@code member} role
 * lapses once it has ended, until they confirm a new posting. Runs on one instance at a time (ShedLock); each step
 * is also a conditional update, so even an overlapping run cannot remind or lapse twice.
 */
@Component
public class PostingExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(PostingExpiryJob.class);
    private static final int BATCH = 500;

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final MemberEventFactory events;
    private final PostingProperties properties;
    private final Clock clock;

    public PostingExpiryJob(MembershipStore store, MembershipChanges changes, MemberEventFactory events,
                            PostingProperties properties, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${visaport.identity.posting.cron:0 15 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "identity-posting-expiry", lockAtMostFor = "PT30M")
    public void run() {
        LocalDate today = LocalDate.now(clock);
        for (Membership m : store.activeWithPostingEndingBy(today.plusDays(properties.remindBefore().toDays()), BATCH)) {
            LocalDate endsOn = m.credentials().postingEndsOn();
            if (endsOn.isBefore(today)) {
                lapse(m, endsOn);
            } else if (!endsOn.equals(m.postingReminderSentFor())) {
                store.markReminded(m.id(), endsOn, List.of(events.notification(new MemberEvents.NotificationRequested(
                        m.memberId(), m.email(), m.fullName(), m.language(), "posting-ending", null, endsOn), m.memberId())));
            }
        }
    }

    private void lapse(Membership m, LocalDate endedOn) {
        Set<String> roles = new HashSet<>(m.roles());
        roles.remove("member");
        try {
            changes.apply(m, Set.of(MembershipStatus.ACTIVE),
                    new Change(MembershipStatus.LAPSED, roles, true, "posting-lapsed", Actor.SYSTEM, "posting ended " + endedOn),
                    null, (after, audit) -> List.of(
                            events.event("member.lapsed", m.memberId(), new MemberEvents.Lapsed(m.memberId(), endedOn, audit.at()), audit),
                            events.notification(new MemberEvents.NotificationRequested(m.memberId(), m.email(), m.fullName(),
                                    m.language(), "posting-lapsed", null, endedOn), m.memberId())));
        } catch (ConflictException changedMeanwhile) {
            log.debug("Member {} changed while lapsing; next run decides again", m.memberId());
        }
    }
}
