package org.visaport.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Posts one delivery, signed as Standard Webhooks say, with bounded connect and response timeouts and without
 * following redirects (a redirect could lead anywhere, past the address rules): only a 2xx answer counts as
 * delivered. The address rules are checked on what the host resolves to right before sending.
 */
@Component
class WebhookSender {

    private static final int MAX_ERROR_LENGTH = 300;

    private final HttpClient http;
    private final WebhookProperties properties;
    private final TargetRules rules;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, TargetRules rules, Clock clock) {
        this.properties = properties;
        this.rules = rules;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What came of one attempt. */
    record Result(WebhookDelivery.Attempt attempt, boolean succeeded, boolean refused) {
    }

    Result send(WebhookDelivery delivery, WebhookEndpoint endpoint) {
        Instant at = clock.instant();
        Optional<String> refusal = rules.refusalOnDelivery(endpoint.url());
        if (refusal.isPresent()) {
            return new Result(new WebhookDelivery.Attempt(at, null, bounded("refused: url " + refusal.get()), 0), false, true);
        }
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(properties.responseTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "VisaPort-Webhooks/1")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(delivery.id(), timestamp, delivery.body(), endpoint.signingSecrets(at)))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long latency = (System.nanoTime() - started) / 1_000_000;
            // The answer's body is of no interest: closing it unread ends the exchange (a receiver cannot stall us).
            response.body().close();
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            String error = ok ? null : status >= 300 && status < 400 ? "redirect not followed" : null;
            return new Result(new WebhookDelivery.Attempt(at, status, error, latency), ok, false);
        } catch (IOException e) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Result(new WebhookDelivery.Attempt(at, null, bounded(error), latency), false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(new WebhookDelivery.Attempt(at, null, "interrupted", 0), false, false);
        } catch (IllegalArgumentException e) {
            return new Result(new WebhookDelivery.Attempt(at, null, bounded("invalid url: " + e.getMessage()), 0), false, false);
        }
    }

    private static String bounded(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
