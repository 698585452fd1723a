package org.visaport.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often the safety net looks for waiting events (those a crash, an outage or a busy lease left
 *                     behind); events normally leave right after their write, without waiting for it
 * @param sendTimeout  how long one send may wait for Kafka's acknowledgement before the relay tries again later
 * @param lease        how long one instance owns an aggregate's outbox while relaying it; must exceed a round's sends
 * @param batch        aggregates looked at per poll
 */
@ConfigurationProperties("visaport.outbox")
public record OutboxProperties(Duration pollInterval, Duration sendTimeout, Duration lease, int batch) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        batch = batch <= 0 ? 100 : batch;
    }
}
