package org.visaport.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.visaport.identity.keycloak.KeycloakUnavailableException;
import org.visaport.identity.membership.EmailConfirmations;
import org.visaport.identity.membership.Erasure;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStore;

/**
 * Anyone can apply with any address, so an application whose address is not confirmed within
 * {@code visaport.identity.unconfirmed-applications.expire-after} (7 days) is removed — Keycloak user and membership —
 * and the address is free for its owner again. Confirmed applications wait for the moderators however long it takes.
 * Runs hourly on one instance; each removal is a compare-and-set, so a decision made meanwhile wins.
 */
@Component
public class UnconfirmedApplications {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedApplications.class);
    private static final int BATCH = 100;

    private final MembershipStore store;
    private final MembershipChanges changes;
    private final Erasure erasure;
    private final EmailConfirmations confirmations;
    private final Clock clock;
    private final Duration expireAfter;

    public UnconfirmedApplications(MembershipStore store, MembershipChanges changes, Erasure erasure,
                                   EmailConfirmations confirmations, Clock clock,
                                   @Value("${visaport.identity.unconfirmed-applications.expire-after:P7D}") Duration expireAfter) {
        this.store = store;
        this.changes = changes;
        this.erasure = erasure;
        this.confirmations = confirmations;
        this.clock = clock;
        this.expireAfter = expireAfter;
    }

    @Scheduled(fixedDelayString = "${visaport.identity.unconfirmed-applications.check-interval:PT1H}")
    @SchedulerLock(name = "identity-unconfirmed-applications", lockAtMostFor = "PT30M")
    public void removeExpired() {
        String reason = "e-mail address not confirmed within " + expireAfter.toDays() + " days";
        String after = null;
        List<Membership> page;
        do {
            page = store.undecidedApplicationsSince(clock.instant().minus(expireAfter), after, BATCH);
            for (Membership application : page) {
                after = application.id();
                try {
                    if (!confirmations.confirmed(application)) {
                        changes.onLatest(() -> store.byId(application.id()).orElse(application),
                                latest -> erasure.erase(latest, latest.expiry(reason), "application-expired"));
                        log.info("Removed application {}: {}", application.id(), reason);
                    }
                } catch (KeycloakUnavailableException e) {
                    log.warn("Keycloak unavailable; unconfirmed applications are checked again at the next run");
                    return;
                } catch (ErrorResponseException decidedMeanwhile) {
                    log.debug("Application {} was decided meanwhile; it stays", application.id());
                } catch (RuntimeException e) {
                    // One odd application (e.g. its Keycloak user removed by hand) must not stop the others, run after run.
                    log.warn("Could not check application {}; it is looked at again next run: {}", application.id(), e.toString());
                }
            }
        } while (page.size() == BATCH);
    }
}
