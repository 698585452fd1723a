package org.visaport.notification.subscription;

import java.util.Set;

/** Whether a member wants one kind of notice, on which channels, and when. */
public record Delivery(boolean enabled, Set<Channel> channels, Cadence cadence) {

    public Delivery {
        channels = Set.copyOf(channels);
    }

    public boolean by(Channel channel) {
        return enabled && channels.contains(channel);
    }

    public boolean wanted() {
        return enabled && !channels.isEmpty();
    }
}
