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
 * What a member wants to hear of, and what this service knows of them from identity-service's events (name and
 * status). Created with defaults when a member is approved; a suspended or lapsed member hears nothing until active
 * again. A null status means this service never learnt that the person is a member (an applicant, or a member whose
 * approval it has not seen yet): they hear of no briefings until it does, or until they choose their topics signed in
 * as a member.
 *
 * @param id        the member id
 * @param articles  new and corrected briefings matching any of the tags, regions or countries
 * @param changedAt the latest membership event applied
 */
@Document("subscriptions")
@CompoundIndexes({
        // The fan-out asks for each topic in member id order (Subscriptions#forEachFollowing): with _id in the index,
        // each branch of its $or is read in that order and merged, not sorted in memory.
        @CompoundIndex(name = "by_tag", def = "{'tags': 1, '_id': 1}"),
        @CompoundIndex(name = "by_region", def = "{'regions': 1, '_id': 1}"),
        @CompoundIndex(name = "by_country", def = "{'countries': 1, '_id': 1}")
})
public record Subscription(@Id String id, String displayName, MemberStatus status,
                           List<String> tags, List<String> regions, List<String> countries,
                           Delivery articles, Delivery repliesToMyComments, Delivery commentDecisions, Instant changedAt) {

    public enum MemberStatus { ACTIVE, SUSPENDED, LAPSED }

    /** What a member starts with: no topics chosen yet; replies and decisions on, in the app and by e-mail. */
    public static Subscription defaults(String memberId) {
        return new Subscription(memberId, null, null, List.of(), List.of(), List.of(),
                new Delivery(true, Set.of(Channel.IN_APP), Cadence.IMMEDIATE),
                new Delivery(true, Set.of(Channel.IN_APP, Channel.EMAIL), Cadence.IMMEDIATE),
                new Delivery(true, Set.of(Channel.IN_APP, Channel.EMAIL), Cadence.IMMEDIATE), null);
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
        return status != null ? this : new Subscription(id, displayName, MemberStatus.ACTIVE, tags, regions, countries,
                articles, repliesToMyComments, commentDecisions, changedAt);
    }

    /** Whether an article with these topics, written by {@code authorId}, is news for this member. */
    public boolean wantsArticle(Collection<String> articleTags, Collection<String> articleRegions,
                                Collection<String> articleCountries, String authorId) {
        return active() && articles.wanted() && !id.equals(authorId)
                && (overlaps(tags, articleTags) || overlaps(regions, articleRegions) || overlaps(countries, articleCountries));
    }

    private static boolean overlaps(List<String> wanted, Collection<String> offered) {
        return wanted != null && offered != null && wanted.stream().anyMatch(offered::contains);
    }
}
