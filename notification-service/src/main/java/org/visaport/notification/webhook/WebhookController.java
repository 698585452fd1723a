package org.visaport.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;
import org.visaport.platform.problem.Problems;

/**
 * Admins register downstream systems' endpoints and watch their deliveries. A secret is shown once, when it is made
 * (creation, rotation); reads never show it.
 */
@RestController
@RequestMapping(WebhookController.PATH)
@PreAuthorize("hasRole('admin')")
class WebhookController {

    static final String PATH = "/api/admin/notifications/webhooks";
    private static final int MAX_URL = 2000;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final TargetRules rules;
    private final WebhookProperties properties;
    private final Cursors cursors;

    WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, TargetRules rules,
                      WebhookProperties properties, Cursors cursors) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.rules = rules;
        this.properties = properties;
        this.cursors = cursors;
    }

    record NewWebhook(@NotBlank @Size(max = MAX_URL) String url,
                      @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> eventTypes,
                      @Size(max = 500) String description) {
    }

    /** What is given changes (null: unchanged); any change makes a FAILING endpoint ACTIVE again. */
    record WebhookChange(@Size(min = 1, max = MAX_URL) String url,
                         @Size(min = 1, max = 10) List<@NotBlank @Size(max = 64) String> eventTypes,
                         @Size(max = 500) String description,
                         @Pattern(regexp = "ACTIVE", message = "can only be ACTIVE (re-activate)") String status) {
    }

    record ReplayRange(@NotNull Instant from, @NotNull Instant to) {
    }

    record Replayed(int queued, Instant from, Instant to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String id, String url, List<String> eventTypes, String description, String status,
                       String secret, Instant previousSecretValidUntil, Instant createdAt, Instant updatedAt,
                       Instant failingSince, String failingReason) {

        static WebhookView of(WebhookEndpoint endpoint) {
            return new WebhookView(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.description(),
                    endpoint.status().name(), null, null, endpoint.createdAt(), endpoint.updatedAt(),
                    endpoint.failingSince(), endpoint.failingReason());
        }

        /** The one response that shows the secret: right after it was made. */
        static WebhookView withSecret(WebhookEndpoint endpoint) {
            return new WebhookView(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.description(),
                    endpoint.status().name(), endpoint.secret(), endpoint.previousSecretUntil(), endpoint.createdAt(),
                    endpoint.updatedAt(), endpoint.failingSince(), endpoint.failingReason());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String id, String eventId, String eventType, String status, Instant createdAt,
                        Instant occurredAt, Instant nextAttemptAt, Instant finishedAt, List<WebhookDelivery.Attempt> attempts) {

        static DeliveryView of(WebhookDelivery delivery) {
            boolean pending = delivery.status() == WebhookDelivery.Status.PENDING;
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.status().name(),
                    delivery.createdAt(), delivery.occurredAt(), pending ? delivery.nextAttemptAt() : null,
                    delivery.finishedAt(), delivery.attempts() == null ? List.of() : delivery.attempts());
        }
    }

    @PostMapping
    @Operation(summary = "Register an endpoint for the given article event types; the response shows its signing secret, once")
    ResponseEntity<WebhookView> create(@Valid @RequestBody NewWebhook request) {
        List<String> eventTypes = eventTypes(request.eventTypes());
        checkUrl(request.url());
        WebhookEndpoint endpoint = endpoints.create(request.url(), eventTypes, blankToNull(request.description()));
        return ResponseEntity.created(URI.create(PATH + "/" + endpoint.id())).body(WebhookView.withSecret(endpoint));
    }

    @GetMapping
    @Operation(summary = "The registered endpoints, newest first (without secrets)")
    Page<WebhookView> list(@RequestParam(required = false) @Size(max = 200) String cursor,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        KeysetPosition after = cursors.afterPosition("webhooks", cursor);
        return cursors.page("webhooks", endpoints.page(after, limit), limit,
                endpoint -> new KeysetPosition(endpoint.createdAt(), endpoint.id()), WebhookView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint (without its secret)")
    WebhookView get(@PathVariable @Size(max = 64) String id) {
        return WebhookView.of(endpoints.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint's URL, event types or description; re-activates a FAILING endpoint")
    WebhookView change(@PathVariable @Size(max = 64) String id, @Valid @RequestBody WebhookChange request) {
        List<String> eventTypes = request.eventTypes() == null ? null : eventTypes(request.eventTypes());
        if (request.url() != null) {
            checkUrl(request.url());
        }
        return WebhookView.of(endpoints.change(id, request.url(), eventTypes, request.description()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an endpoint and its deliveries")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 64) String id) {
        endpoints.delete(id);
        deliveries.forgetEndpoint(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret/rotate")
    @Operation(summary = "A new signing secret, shown once; the previous one still signs for the grace period")
    WebhookView rotate(@PathVariable @Size(max = 64) String id) {
        return WebhookView.withSecret(endpoints.rotate(id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first, with every attempt")
    Page<DeliveryView> deliveries(@PathVariable @Size(max = 64) String id,
                                  @RequestParam(required = false) WebhookDelivery.Status status,
                                  @RequestParam(required = false) @Size(max = 200) String cursor,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        endpoints.get(id);
        String scope = "webhook-deliveries:" + id + ":" + status;
        KeysetPosition after = cursors.afterPosition(scope, cursor);
        return cursors.page(scope, deliveries.page(id, status, after, limit), limit,
                delivery -> new KeysetPosition(delivery.createdAt(), delivery.id()), DeliveryView::of);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send one delivery again (same webhook-id), with a fresh retry period")
    ResponseEntity<DeliveryView> replay(@PathVariable @Size(max = 64) String id,
                                        @PathVariable @Size(max = 64) String deliveryId) {
        activeEndpoint(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(deliveries.replay(id, deliveryId)));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send again every event of the endpoint's types that happened in [from, to)")
    ResponseEntity<Replayed> replayRange(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReplayRange range) {
        WebhookEndpoint endpoint = activeEndpoint(id);
        if (!range.from().isBefore(range.to())) {
            throw Problems.invalidField("to", "must be after from");
        }
        if (Duration.between(range.from(), range.to()).compareTo(properties.replayMaxRange()) > 0) {
            throw Problems.invalidField("to", "the range may span at most " + properties.replayMaxRange());
        }
        int queued = deliveries.replay(endpoint, range.from(), range.to());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Replayed(queued, range.from(), range.to()));
    }

    private WebhookEndpoint activeEndpoint(String id) {
        WebhookEndpoint endpoint = endpoints.get(id);
        if (endpoint.status() != WebhookEndpoint.Status.ACTIVE) {
            throw Problems.conflict("webhook-failing", "Webhook is failing",
                    "Webhook " + id + " is FAILING: re-activate it (PUT) before replaying.");
        }
        return endpoint;
    }

    private static List<String> eventTypes(List<String> requested) {
        for (String type : requested) {
            if (!EventTypes.ALL.contains(type)) {
                throw Problems.invalidField("eventTypes", "unknown event type " + type + "; known: " + String.join(", ", EventTypes.ALL));
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /** Not a web URL: 400; a web URL pointing where webhooks may not go: 422 webhook-url-refused. */
    private void checkUrl(String url) {
        Optional<String> invalid = rules.invalid(url);
        if (invalid.isPresent()) {
            throw Problems.invalidField("url", invalid.get());
        }
        rules.refusalOnRegistration(url).ifPresent(refusal -> {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "webhook-url-refused", "Webhook URL refused",
                    "Webhooks may not be sent there: " + refusal + ".");
            problem.setProperty("errors", List.of(Map.of("field", "url", "message", refusal)));
            throw Problems.exception(problem);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
