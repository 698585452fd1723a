package org.visaport.notification.delivery;

import org.visaport.notification.subscription.Channel;
import org.visaport.notification.subscription.Delivery;

/** A member to tell, and on which channels. */
public record Recipient(String memberId, boolean inApp, boolean byEmail) {

    public static Recipient of(String memberId, Delivery delivery) {
        return new Recipient(memberId, delivery.by(Channel.IN_APP), delivery.by(Channel.EMAIL));
    }
}
