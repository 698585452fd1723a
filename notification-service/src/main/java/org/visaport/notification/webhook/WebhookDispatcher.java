package org.visaport.notification.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends the deliveries due, on every instance: each delivery is claimed first (see
 * {@link org.visaport.notification.storage.DueQueue}), so instances share the work and never send the same one at
 * once. A batch goes out in parallel, so one slow receiver does not hold up the others. A failed attempt is retried
 * with exponential back-off for {@code retry-for}; then the delivery is FAILED and its endpoint FAILING, counted in
 * {@code visaport_webhooks_deliveries_total{outcome="failed"}}.
 */
@Service
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final MeterRegistry registry;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                      WebhookProperties properties, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.properties = properties;
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${visaport.notifications.webhooks.poll-interval:PT2S}", initialDelay = 1000)
    void sendDue() {
        List<WebhookDelivery> claimed = new ArrayList<>();
        for (int i = 0; i < properties.batch(); i++) {
            Optional<WebhookDelivery> next = deliveries.claimNextDue();
            if (next.isEmpty()) {
                break;
            }
            claimed.add(next.get());
        }
        if (claimed.isEmpty()) {
            return;
        }
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = claimed.stream().<Future<?>>map(delivery -> parallel.submit(() -> deliver(delivery))).toList();
            for (Future<?> one : sent) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    // Its claim lapses and it is tried again.
                    log.warn("Webhook delivery failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelay = 60_000)
    @SchedulerLock(name = "webhook-deliveries-purge", lockAtMostFor = "PT10M")
    void purge() {
        deliveries.purge();
    }

    void deliver(WebhookDelivery delivery) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(delivery.endpointId());
        if (endpoint.isEmpty()) {
            // Deleted meanwhile; its deliveries went with it.
            deliveries.forgetEndpoint(delivery.endpointId());
            return;
        }
        if (endpoint.get().status() != WebhookEndpoint.Status.ACTIVE) {
            deliveries.record(delivery, new WebhookDelivery.Attempt(delivery.nextAttemptAt(), null,
                    "not sent: the endpoint is FAILING; re-activate it and replay", 0), false, true);
            count("failed");
            return;
        }
        WebhookSender.Result result = sender.send(delivery, endpoint.get());
        boolean failed = deliveries.record(delivery, result.attempt(), result.succeeded(), false);
        if (result.succeeded()) {
            count("succeeded");
            return;
        }
        count(result.refused() ? "refused" : "retried");
        if (failed) {
            count("failed");
            String reason = result.attempt().error() != null ? result.attempt().error() : "HTTP " + result.attempt().httpStatus();
            if (endpoints.markFailing(delivery.endpointId(), "delivery " + delivery.id() + " failed for good: " + reason)) {
                log.warn("Webhook endpoint {} is FAILING: delivery {} of {} failed for {} ({})", delivery.endpointId(),
                        delivery.id(), delivery.eventType(), properties.retryFor(), reason);
            }
        }
    }

    private void count(String outcome) {
        registry.counter("visaport.webhooks.deliveries", "outcome", outcome).increment();
    }
}
