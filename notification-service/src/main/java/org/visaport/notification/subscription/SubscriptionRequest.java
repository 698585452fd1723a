package org.visaport.notification.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.visaport.platform.validation.CountryCode;
import org.visaport.platform.validation.TimeZoneId;

/**
 * A member's whole choice, replacing the previous one. Topics are named as news-service names them, so they match
 * articles' tags, regions and countries exactly; the lists are bounded so one member cannot make every fan-out heavy.
 * The moderators' topics, time zone, quiet hours and digest hour may be left out: they then take their defaults (off;
 * UTC; none; 08:00).
 */
public record SubscriptionRequest(
        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case words joined by hyphens") String> tags,
        @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case words joined by hyphens") String> regions,
        @NotNull @Size(max = 50) List<@NotNull @CountryCode String> countries,
        @NotNull @Valid Choice articles,
        @NotNull @Valid Choice repliesToMyComments,
        @NotNull @Valid Choice commentDecisions,
        @Valid Choice commentsWaiting,
        @Valid Choice newApplications,
        @TimeZoneId String timeZone,
        @Valid QuietHours quietHours,
        @Min(0) @Max(23) Integer digestHour) {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    public record Choice(boolean enabled,
                         @NotNull @Size(max = 2) Set<@NotNull Channel> channels,
                         @NotNull @Pattern(regexp = "IMMEDIATE|DAILY_DIGEST", message = "must be IMMEDIATE or DAILY_DIGEST") String cadence) {

        Delivery toDelivery() {
            return new Delivery(enabled, channels, Cadence.valueOf(cadence));
        }
    }

    /** Local times in the member's time zone; {@code until} before {@code from} spans midnight. */
    public record QuietHours(@NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String from,
                             @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String until) {
    }

    /** Whether the choice turns on a topic only moderators may have. */
    boolean asksForModeration() {
        return commentsWaiting != null && commentsWaiting.enabled() || newApplications != null && newApplications.enabled();
    }

    Delivery delivery(Topic topic) {
        Choice choice = switch (topic) {
            case ARTICLES -> articles;
            case REPLIES -> repliesToMyComments;
            case COMMENT_DECISIONS -> commentDecisions;
            case COMMENTS_WAITING -> commentsWaiting;
            case NEW_APPLICATIONS -> newApplications;
            case DAILY_DIGEST -> throw new IllegalArgumentException("the digest is no topic of its own");
        };
        return choice == null ? Subscription.MODERATION_OFF : choice.toDelivery();
    }

    MailSchedule schedule() {
        return new MailSchedule(timeZone, quietHours == null ? null : quietHours.from(),
                quietHours == null ? null : quietHours.until(),
                digestHour == null ? MailSchedule.DEFAULT.digestHour() : digestHour);
    }
}
