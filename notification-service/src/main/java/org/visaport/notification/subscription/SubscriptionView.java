package org.visaport.notification.subscription;

import java.util.List;
import java.util.Set;

/**
 * A member's subscription as the API shows it: their choices, not what this service knows of their membership. The
 * moderators' topics show only to moderators.
 */
public record SubscriptionView(List<String> tags, List<String> regions, List<String> countries, Choice articles,
                               Choice repliesToMyComments, Choice commentDecisions, Choice commentsWaiting,
                               Choice newApplications, String timeZone, QuietHours quietHours, int digestHour,
                               List<String> mandatory) {

    /** What every member gets and cannot turn off, said so the settings page can show it. */
    static final List<String> MANDATORY = List.of("application decisions", "suspension and reinstatement",
            "the end of your posting", "the deletion of your account");

    public record Choice(boolean enabled, Set<Channel> channels, Cadence cadence) {

        static Choice of(Delivery delivery) {
            return new Choice(delivery.enabled(), delivery.channels(), delivery.cadence());
        }
    }

    public record QuietHours(String from, String until) {
    }

    static SubscriptionView of(Subscription subscription, boolean moderator) {
        MailSchedule schedule = subscription.schedule();
        return new SubscriptionView(subscription.tags(), subscription.regions(), subscription.countries(),
                Choice.of(subscription.articles()), Choice.of(subscription.repliesToMyComments()),
                Choice.of(subscription.commentDecisions()),
                moderator ? Choice.of(subscription.commentsWaiting()) : null,
                moderator ? Choice.of(subscription.newApplications()) : null,
                schedule.timeZone(), schedule.hasQuietHours() ? new QuietHours(schedule.quietFrom(), schedule.quietUntil()) : null,
                schedule.digestHour(), MANDATORY);
    }
}
