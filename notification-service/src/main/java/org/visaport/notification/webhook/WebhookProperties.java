package org.visaport.notification.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.visaport.notification.retry.Backoff;

/**
 * How webhooks are registered and delivered ({@code visaport.notifications.webhooks}).
 *
 * @param allowedHosts           when not empty, the only hosts endpoints may point at ({@code api.example.org}, or
 *                               {@code *.example.org} for its subdomains); empty: any public host
 * @param allowedPrivateNetworks CIDRs of loopback, private, link-local … addresses endpoints may reach nonetheless
 *                               (e.g. {@code 10.20.0.0/16} for an internal receiver); empty by default
 * @param secretGrace            how long the previous secret still signs deliveries after a rotation
 * @param retryFor               how long a delivery is retried before it is FAILED and its endpoint FAILING
 * @param firstRetryAfter        the wait after a first failed attempt; it doubles with each further one …
 * @param maxRetryAfter          … up to this
 * @param claimFor               how long a sender may hold a delivery; one that died leaves it to be tried after this
 * @param pollInterval           how often the sender looks for deliveries due
 * @param batch                  deliveries claimed per look (sent in parallel)
 * @param connectTimeout         for the connection to a receiver
 * @param responseTimeout        for the receiver's response headers, after the request is sent
 * @param maxEndpoints           endpoints that may be registered in all
 * @param replayMaxRange         the longest time range one replay may cover
 * @param replayMaxEvents        the most events one replay may queue
 * @param keepEventsFor          how long published events are kept for replays
 * @param keepDeliveriesFor      how long finished deliveries (and their attempts) are kept for the admins to read
 * @param metricsInterval        how often the gauges are refreshed
 */
@ConfigurationProperties("visaport.notifications.webhooks")
public record WebhookProperties(List<String> allowedHosts, List<String> allowedPrivateNetworks, Duration secretGrace,
                                Duration retryFor, Duration firstRetryAfter, Duration maxRetryAfter, Duration claimFor,
                                Duration pollInterval, Integer batch, Duration connectTimeout, Duration responseTimeout,
                                Integer maxEndpoints, Duration replayMaxRange, Integer replayMaxEvents,
                                Duration keepEventsFor, Duration keepDeliveriesFor, Duration metricsInterval) {

    public WebhookProperties {
        allowedHosts = nonBlank(allowedHosts);
        allowedPrivateNetworks = nonBlank(allowedPrivateNetworks);
        secretGrace = or(secretGrace, Duration.ofHours(24));
        retryFor = or(retryFor, Duration.ofHours(24));
        firstRetryAfter = or(firstRetryAfter, Duration.ofSeconds(30));
        maxRetryAfter = or(maxRetryAfter, Duration.ofHours(1));
        claimFor = or(claimFor, Duration.ofMinutes(2));
        pollInterval = or(pollInterval, Duration.ofSeconds(2));
        batch = batch == null ? 20 : batch;
        connectTimeout = or(connectTimeout, Duration.ofSeconds(5));
        responseTimeout = or(responseTimeout, Duration.ofSeconds(10));
        maxEndpoints = maxEndpoints == null ? 100 : maxEndpoints;
        replayMaxRange = or(replayMaxRange, Duration.ofDays(7));
        replayMaxEvents = replayMaxEvents == null ? 1000 : replayMaxEvents;
        keepEventsFor = or(keepEventsFor, Duration.ofDays(30));
        keepDeliveriesFor = or(keepDeliveriesFor, Duration.ofDays(30));
        metricsInterval = or(metricsInterval, Duration.ofSeconds(15));
        // Fails at start-up, not at the first failed delivery.
        new Backoff(firstRetryAfter, maxRetryAfter);
        TargetRules.networks(allowedPrivateNetworks);
    }

    Backoff backoff() {
        return new Backoff(firstRetryAfter, maxRetryAfter);
    }

    /** An environment variable left empty binds as one empty entry. */
    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    private static Duration or(Duration value, Duration otherwise) {
        return value == null ? otherwise : value;
    }
}
