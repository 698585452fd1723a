package org.visaport.notification.mail;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mail waiting to be sent, or sent. Its id comes from the event and the recipient, so the same event handled twice
 * stores it once. {@code nextAttemptAt} is both when a pending mail is due and, while a sender holds it, when that
 * claim lapses.
 *
 * @param memberId  whom it is for; logs name this, never the address
 * @param mandatory an account notice, which the member cannot unsubscribe from
 * @param dueSince  when it was meant to go: when stored, or when the member's quiet hours ended; how late a mail is
 *                  counts from here
 * @param unsubscribeUrl where the mail's {@code List-Unsubscribe} header points (RFC 8058); null for account notices
 */
@Document("mail_outbox")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        // The failed mails to purge.
        @CompoundIndex(name = "by_age", def = "{'status': 1, 'createdAt': 1}"),
        // The mail overdue longest (the metrics).
        @CompoundIndex(name = "overdue", def = "{'status': 1, 'dueSince': 1}"),
        // The sent mails to purge.
        @CompoundIndex(name = "sent", def = "{'status': 1, 'sentAt': 1}"),
        @CompoundIndex(name = "by_member", def = "{'memberId': 1}")
})
public record OutboxMail(@Id String id, String memberId, String to, boolean mandatory, String unsubscribeUrl,
                         String subject, String text, String html, Status status, int attempts, Instant createdAt, Instant dueSince,
                         Instant nextAttemptAt, Instant sentAt, String lastError) {

    /** FAILED: refused for good (see {@link MailProperties#permanentFailureAttempts}); kept for support, not retried. */
    public enum Status { PENDING, SENT, FAILED }

    /** Ids and state only: a log line that prints a mail must not print its address or content. */
    @Override
    public String toString() {
        return "OutboxMail[id=" + id + ", memberId=" + memberId + ", status=" + status + ", attempts=" + attempts + "]";
    }

    /** An account notice, which every member gets and cannot unsubscribe from. */
    public static OutboxMail mandatory(String id, String memberId, String to, Mail mail, Instant now) {
        return new OutboxMail(id, memberId, to, true, null, mail.subject(), mail.text(), mail.html(), Status.PENDING, 0,
                now, now, now, null, null);
    }

    /**
     * A notice the member subscribed to, with the link that stops such mails; it waits until {@code sendFrom}, the end
     * of the member's quiet hours.
     */
    public static OutboxMail subscribed(String id, String memberId, String to, String unsubscribeUrl, Mail mail, Instant now,
                                        Instant sendFrom) {
        return new OutboxMail(id, memberId, to, false, unsubscribeUrl, mail.subject(), mail.text(), mail.html(), Status.PENDING, 0,
                now, sendFrom, sendFrom, null, null);
    }
}
