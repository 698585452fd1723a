package org.visaport.notification.subscription;

import java.util.List;
import java.util.Set;

/** A member's subscription as the API shows it: their choices, not what this service knows of their membership. */
public record SubscriptionView(List<String> tags, List<String> regions, List<String> countries, Choice articles,
                               Choice repliesToMyComments, Choice commentDecisions) {

    public record Choice(boolean enabled, Set<Channel> channels, Cadence cadence) {

        static Choice of(Delivery delivery) {
            return new Choice(delivery.enabled(), delivery.channels(), delivery.cadence());
        }
    }

    static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(subscription.tags(), subscription.regions(), subscription.countries(),
                Choice.of(subscription.articles()), Choice.of(subscription.repliesToMyComments()),
                Choice.of(subscription.commentDecisions()));
    }
}
