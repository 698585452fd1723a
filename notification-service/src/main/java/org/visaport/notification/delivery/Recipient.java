package org.visaport.notification.delivery;

import org.visaport.notification.subscription.Cadence;
import org.visaport.notification.subscription.Channel;
import org.visaport.notification.subscription.Delivery;
import org.visaport.notification.subscription.MailSchedule;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Topic;

/**
 * A member to tell, on which channels, and when e-mail may go.
 *
 * @param inDigest e-mail waits for the member's daily digest instead of going at once
 */
public record Recipient(String memberId, boolean inApp, boolean byEmail, boolean inDigest, MailSchedule schedule) {

    /** As the member's subscription to the notice's topic says. */
    public static Recipient of(Subscription subscription, Topic topic) {
        Delivery delivery = subscription.delivery(topic);
        return new Recipient(subscription.id(), delivery.by(Channel.IN_APP), delivery.by(Channel.EMAIL),
                delivery.cadence() == Cadence.DAILY_DIGEST, subscription.schedule());
    }
}
