package org.visaport.notification.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.visaport.platform.validation.CountryCode;

/**
 * A member's whole choice, replacing the previous one. Topics are named as news-service names them, so they match
 * articles' tags, regions and countries exactly; the lists are bounded so one member cannot make every fan-out heavy.
 */
public record SubscriptionRequest(
        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case words joined by hyphens") String> tags,
        @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case words joined by hyphens") String> regions,
        @NotNull @Size(max = 50) List<@NotNull @CountryCode String> countries,
        @NotNull @Valid Choice articles,
        @NotNull @Valid Choice repliesToMyComments,
        @NotNull @Valid Choice commentDecisions) {

    /**
     * @param cadence only {@code IMMEDIATE}: daily digests are not available yet and are refused rather than accepted
     *                and never sent
     */
    public record Choice(boolean enabled,
                         @NotNull @Size(max = 2) Set<@NotNull Channel> channels,
                         @NotNull @Pattern(regexp = "IMMEDIATE", message = "must be IMMEDIATE; daily digests are not available yet") String cadence) {

        Delivery toDelivery() {
            return new Delivery(enabled, channels, Cadence.valueOf(cadence));
        }
    }
}
