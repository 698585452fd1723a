package org.visaport.identity.membership;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.visaport.identity.keycloak.KeycloakAdminClient;

/**
 * Whether applicants have confirmed their e-mail address. Keycloak learns it first (the link in its mail), so it is
 * asked; once it says yes, the confirmation is recorded on the membership ({@link Membership#emailConfirmed}), and that
 * membership is never asked about again. A confirmed address stays confirmed: members cannot change theirs.
 *
 * <p>Keycloak has no call that answers for many users by id, so a page of applications asks about each unconfirmed one
 * still under review. Those are the ones the pending list is mostly made of (confirmed ones get decided), so they are
 * asked side by side, a few at a time, and only as long as {@link #DEADLINE}: a slow or absent Keycloak delays the list
 * by that at most, and what it did not answer in time shows as not confirmed, as approval would refuse it then too.
 * No cache of the "not yet" answers: the moment a moderator looks again is usually just after the applicant clicked.
 */
@Component
public class EmailConfirmations {

    private static final Logger log = LoggerFactory.getLogger(EmailConfirmations.class);
    /** Lookups in flight at once, across all lists: a page of 100 must not reach Keycloak as 100 requests at once. */
    private static final int AT_ONCE = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final KeycloakAdminClient keycloak;
    private final MembershipStore store;
    private final Clock clock;
    private final Semaphore slots = new Semaphore(AT_ONCE);
    private final ExecutorService lookups =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("email-confirmation-", 0).factory());

    public EmailConfirmations(KeycloakAdminClient keycloak, MembershipStore store, Clock clock) {
        this.keycloak = keycloak;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Asks Keycloak unless the membership knows already, and records a yes. Throws
     * {@link org.visaport.identity.keycloak.KeycloakUnavailableException} when Keycloak cannot be asked: a decision that
     * depends on the answer must not be taken without it.
     */
    public boolean confirmed(Membership m) {
        if (m.emailConfirmed()) {
            return true;
        }
        if (!keycloak.isEmailVerified(m.memberId())) {
            return false;
        }
        store.markEmailConfirmed(m.id(), clock.instant());
        return true;
    }

    /**
     * The ids of the memberships among {@code memberships} whose address is confirmed, for showing them. Keycloak is
     * asked only about applications under review that are not known to be confirmed; one that has been decided without
     * a recorded confirmation (rejected) shows as not confirmed rather than being asked about at every look.
     */
    public Set<String> confirmedAmong(Collection<Membership> memberships) {
        Set<String> confirmed = new HashSet<>();
        Map<String, Future<Boolean>> asked = new LinkedHashMap<>();
        for (Membership m : memberships) {
            if (m.emailConfirmed()) {
                confirmed.add(m.id());
            } else if (m.isUnderReview() && m.memberId() != null) {
                asked.put(m.id(), lookups.submit(() -> {
                    slots.acquire();
                    try {
                        return confirmed(m);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        long until = System.nanoTime() + DEADLINE.toNanos();
        int unanswered = 0;
        for (var lookup : asked.entrySet()) {
            try {
                if (lookup.getValue().get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    confirmed.add(lookup.getKey());
                }
            } catch (TimeoutException | ExecutionException e) {
                lookup.getValue().cancel(true);
                unanswered++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                asked.values().forEach(pending -> pending.cancel(true));
                break;
            }
        }
        if (unanswered > 0) {
            log.warn("Whether {} application(s) have a confirmed address is unknown (Keycloak did not answer in time or "
                    + "is unavailable); shown as not confirmed", unanswered);
        }
        return confirmed;
    }
}
