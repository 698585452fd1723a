package org.visaport.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.notification.storage.DueQueue;
import org.visaport.notification.storage.Inserts;
import org.visaport.platform.hashing.Hashing;

/**
 * Every mail is stored here before anyone tries to send it, so a mail server that is down delays mail and loses none.
 * Senders claim a mail before sending it, so the immediate send and the scheduled one never send the same mail twice
 * at the same time (a sender that dies after sending and before marking sends it again after the claim lapses:
 * at least once).
 */
@Service
public class MailOutbox {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MailProperties properties;
    private final DueQueue<OutboxMail> queue;

    MailOutbox(MongoTemplate mongo, Clock clock, MailProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.queue = new DueQueue<>(mongo, clock, OutboxMail.class, properties.claimFor(), "dueSince");
    }

    /**
     * The id of the mail an event causes for one member: the same however often the event is handled. With no member
     * (an applicant refused before becoming one) the event alone names the mail.
     */
    public static String mailId(String eventId, String memberId) {
        String hash = memberId == null ? Hashing.sha256("mail", eventId) : Hashing.sha256("mail", eventId, memberId);
        return hash.substring(0, 32);
    }

    /** Stores the mails; a mail stored before stays as it is (pending, or sent and not sent again). */
    void store(Collection<OutboxMail> mails) {
        Inserts.ignoringDuplicates(mongo, OutboxMail.class, mails);
    }

    /** Takes the mail for {@code claimFor} if it is pending and due (and nobody else holds it). */
    Optional<OutboxMail> claim(String id) {
        return queue.claim(id);
    }

    /** Takes the mail due longest. */
    Optional<OutboxMail> claimNextDue() {
        return queue.claimNextDue();
    }

    /**
     * A sent mail keeps only its id and when it went: the id stops a replayed event from sending it again, and the
     * address and content are no longer needed once it has gone.
     */
    void markSent(OutboxMail mail) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id())),
                new Update().set("status", OutboxMail.Status.SENT).set("sentAt", clock.instant()).inc("attempts", 1)
                        .unset("to").unset("subject").unset("text").unset("html").unset("unsubscribeUrl")
                        .unset("lastError"), OutboxMail.class);
    }

    /**
     * Records a failed attempt: the mail waits for its next one, or, refused for good {@code permanentFailureAttempts}
     * times, is parked as FAILED. Says whether it was parked.
     */
    boolean markFailed(OutboxMail mail, String error, boolean permanent) {
        int attempts = mail.attempts() + 1;
        Update update = new Update().set("attempts", attempts).set("lastError", error);
        boolean park = permanent && attempts >= properties.permanentFailureAttempts();
        if (park) {
            update.set("status", OutboxMail.Status.FAILED);
        } else {
            update.set("nextAttemptAt", clock.instant().plus(properties.retryAfter(attempts)));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id())), update, OutboxMail.class);
        return park;
    }

    long pending() {
        return queue.pending();
    }

    /** Since when the pending mail that should have gone longest ago has been due; mails held by quiet hours are not late. */
    Optional<Instant> oldestPending() {
        return queue.oldestPending();
    }

    /**
     * Sent mails' ids are kept as long as a topic can replay their events; failed mails still hold their address and
     * go sooner.
     */
    void purgeSent() {
        Instant now = clock.instant();
        mongo.remove(Query.query(new Criteria().orOperator(
                Criteria.where("status").is(OutboxMail.Status.SENT).and("sentAt").lt(now.minus(properties.keepSentFor())),
                Criteria.where("status").is(OutboxMail.Status.FAILED).and("createdAt").lt(now.minus(properties.keepFailedFor())))),
                OutboxMail.class);
    }

    /**
     * A deleted member's mails go, except account notices still waiting: the notice that the account was deleted is
     * one of them and must still arrive.
     */
    public void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId).orOperator(
                Criteria.where("status").ne(OutboxMail.Status.PENDING),
                Criteria.where("mandatory").is(false))), OutboxMail.class);
    }
}
