package org.visaport.notification.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.visaport.notification.storage.QueueGauges;

/**
 * Whether webhooks get out, for alerting: {@code visaport_webhooks_endpoints_failing},
 * {@code visaport_webhooks_pending} and {@code visaport_webhooks_oldest_pending_age_seconds} (0 when nothing waits).
 * Attempts by outcome are counted by the dispatcher ({@code visaport_webhooks_deliveries_total}). Refreshed on a
 * schedule on every instance, so a scrape never queries the database.
 */
@Component
class WebhookMetrics {

    private final WebhookEndpoints endpoints;
    private final QueueGauges gauges;
    private final AtomicLong failing = new AtomicLong();

    WebhookMetrics(WebhookDeliveries deliveries, WebhookEndpoints endpoints, Clock clock, MeterRegistry registry) {
        this.endpoints = endpoints;
        this.gauges = new QueueGauges(registry, "visaport.webhooks.pending", "visaport.webhooks.oldest.pending.age",
                "Webhook deliveries", clock, deliveries::pending, deliveries::oldestPending);
        Gauge.builder("visaport.webhooks.endpoints.failing", failing, AtomicLong::get)
                .description("Webhook endpoints whose retries ran out, waiting for an admin").register(registry);
    }

    @Scheduled(fixedDelayString = "${visaport.notifications.webhooks.metrics-interval:PT15S}", initialDelay = 1000)
    void refresh() {
        failing.set(endpoints.failing());
        gauges.refresh();
    }
}
