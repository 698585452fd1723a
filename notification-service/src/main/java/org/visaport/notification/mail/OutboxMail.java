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
 */
@Document("mail_outbox")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "by_member", def = "{'memberId': 1}")
})
public record OutboxMail(@Id String id, String memberId, String to, boolean mandatory, String subject, String text,
                         String html, Status status, int attempts, Instant createdAt, Instant nextAttemptAt,
                         Instant sentAt, String lastError) {

    public enum Status { PENDING, SENT }

    public static OutboxMail pending(String id, String memberId, String to, boolean mandatory, Mail mail, Instant now) {
        return new OutboxMail(id, memberId, to, mandatory, mail.subject(), mail.text(), mail.html(), Status.PENDING, 0,
                now, now, null, null);
    }
}
