package org.visaport.identity.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic              public member events, read by every service
 * @param notificationsTopic private events carrying e-mail addresses, read by notification-service only
 * @param partitions         partitions when this service creates the topics itself
 * @param relayLease         how long one instance owns a membership's pending events while relaying them
 */
@ConfigurationProperties("visaport.identity.events")
public record MemberEventProperties(String topic, String notificationsTopic, int partitions, Duration relayLease) {

    public MemberEventProperties {
        topic = topic == null ? "visaport.member.events" : topic;
        notificationsTopic = notificationsTopic == null ? "visaport.member.notifications" : notificationsTopic;
        partitions = partitions <= 0 ? 6 : partitions;
        relayLease = relayLease == null ? Duration.ofSeconds(30) : relayLease;
    }
}
