package org.visaport.notification.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a member wants to hear of, and what this service knows of them from identity-service's events (name, status,
 * whether they moderate). Created with defaults when a member is approved; a suspended or lapsed member hears nothing
 * until active again. A null status means this service never learnt that the person is a member (an applicant, or a
 * member whose approval it has not seen yet): they hear of no briefings until it does, or until they choose their
 * topics signed in as a member.
 *
 * @param id              the member id
 * @param moderator       holds the moderator or admin role, as the latest role change or their own token said; only
 *                        then do the moderators' topics reach them
 * @param articles        new and corrected briefings matching any of the tags, regions or countries
 * @param commentsWaiting comments held for moderation or reported (moderators)
 * @param newApplications membership applications (moderators)
 * @param schedule        the member's time zone, quiet hours and digest hour
 * @param changedAt       the latest membership event applied
 */
@Document("subscriptions")
@CompoundIndexes({
        // The fan-out asks for each topic in member id order (Subscriptions#forEachFollowing): with _id in the index,
        // each branch of its $or is read in that order and merged, not sorted in memory.
        @CompoundIndex(name = "by_tag", def = "{'tags': 1, '_id': 1}"),
        @CompoundIndex(name = "by_region", def = "{'regions': 1, '_id': 1}"),
        @CompoundIndex(name = "by_country", def = "{'countries': 1, '_id': 1}"),
        @CompoundIndex(name = "moderators", def = "{'moderator': 1, '_id': 1}")
})
public record Subscription(@Id String id, String displayName, MemberStatus status, boolean moderator,
                           List<String> tags, List<String> regions, List<String> countries,
                           Delivery articles, Delivery repliesToMyComments, Delivery commentDecisions,
                           Delivery commentsWaiting, Delivery newApplications, MailSchedule schedule, Instant changedAt) {

    public enum MemberStatus { ACTIVE, SUSPENDED, LAPSED }

    static final Delivery MODERATION_OFF = new Delivery(false, Set.of(Channel.IN_APP), Cadence.IMMEDIATE);

    public Subscription {
        // Subscriptions stored before the moderators' topics and schedules existed read as their defaults.
        commentsWaiting = commentsWaiting == null ? MODERATION_OFF : commentsWaiting;
        newApplications = newApplications == null ? MODERATION_OFF : newApplications;
        schedule = schedule == null ? MailSchedule.DEFAULT : schedule;
    }

    /**
     * What a member starts with: no topics chosen yet; replies and decisions on, in the app and by e-mail; the
     * moderators' topics off until a moderator turns them on.
     */
    public static Subscription defaults(String memberId) {
        return new Subscription(memberId, null, null, false, List.of(), List.of(), List.of(),
                new Delivery(true, Set.of(Channel.IN_APP), Cadence.IMMEDIATE),
                new Delivery(true, Set.of(Channel.IN_APP, Channel.EMAIL), Cadence.IMMEDIATE),
                new Delivery(true, Set.of(Channel.IN_APP, Channel.EMAIL), Cadence.IMMEDIATE),
                MODERATION_OFF, MODERATION_OFF, MailSchedule.DEFAULT, null);
    }

    /** Only a member known to be one hears of things: a null status may be someone never approved. */
    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    /**
     * This subscription for someone known from elsewhere to be a member (a comment's author: comment-service lets only
     * members comment), so a status never heard of counts as active; a suspended or lapsed one still does not.
     */
    public Subscription ofKnownMember() {
        return status != null ? this : new Subscription(id, displayName, MemberStatus.ACTIVE, moderator, tags, regions,
                countries, articles, repliesToMyComments, commentDecisions, commentsWaiting, newApplications, schedule,
                changedAt);
    }

    /** The member's delivery for a topic. */
    public Delivery delivery(Topic topic) {
        return switch (topic) {
            case ARTICLES -> articles;
            case REPLIES -> repliesToMyComments;
            case COMMENT_DECISIONS -> commentDecisions;
            case COMMENTS_WAITING -> commentsWaiting;
            case NEW_APPLICATIONS -> newApplications;
            case DAILY_DIGEST -> throw new IllegalArgumentException("the digest is no topic of its own");
        };
    }

    /** Whether a notice on this topic reaches the member at all: active, wanted, and a moderator for theirs. */
    public boolean wants(Topic topic) {
        return active() && delivery(topic).wanted() && (!topic.forModerators() || moderator);
    }

    /** Whether an article with these topics, written by {@code authorId}, is news for this member. */
    public boolean wantsArticle(Collection<String> articleTags, Collection<String> articleRegions,
                                Collection<String> articleCountries, String authorId) {
        return wants(Topic.ARTICLES) && !id.equals(authorId)
                && (overlaps(tags, articleTags) || overlaps(regions, articleRegions) || overlaps(countries, articleCountries));
    }

    private static boolean overlaps(List<String> wanted, Collection<String> offered) {
        return wanted != null && offered != null && wanted.stream().anyMatch(offered::contains);
    }
}
