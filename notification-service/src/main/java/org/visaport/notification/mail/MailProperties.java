package org.visaport.notification.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.visaport.notification.retry.Backoff;

/**
 * How the mail outbox sends.
 *
 * @param from            the sender address of every mail
 * @param pollInterval    how often the sender looks for mails due (retries and mails the immediate send missed)
 * @param batch           mails sent per look, so one run stays short
 * @param firstRetryAfter the wait after a first failure; it doubles with each further failure …
 * @param maxRetryAfter   … up to this, so a long outage is retried at a steady pace and no mail is given up
 * @param permanentFailureAttempts attempts after which a mail refused for good (an invalid address, a 5xx reply) is
 *                        parked as FAILED; a few rather than one, as a misconfigured or confused server answers 5xx too
 * @param claimFor        how long a sender may hold a mail; a sender that died leaves it to be tried again after this
 * @param keepSentFor     how long the ids of sent mails are kept (their address and content go once sent), so an
 *                        event replayed from the topics sends no mail again: longer than the topics keep events
 * @param keepFailedFor   how long mails refused for good (with their addresses) are kept, for support questions; none
 *                        of them went out, so one stored again by a replay sends nothing twice
 */
@ConfigurationProperties("visaport.notifications.mail")
public record MailProperties(String from, Duration pollInterval, int batch, Duration firstRetryAfter,
                             Duration maxRetryAfter, int permanentFailureAttempts, Duration claimFor,
                             Duration keepSentFor, Duration keepFailedFor) {

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration retryAfter(int attempts) {
        return new Backoff(firstRetryAfter, maxRetryAfter).after(attempts);
    }
}
