package org.visaport.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static Subscription following(List<String> tags, List<String> regions, List<String> countries) {
        Subscription defaults = Subscription.defaults("anna");
        return new Subscription("anna", "Anna", Subscription.MemberStatus.ACTIVE, false, tags, regions, countries,
                defaults.articles(), defaults.repliesToMyComments(), defaults.commentDecisions(), null, null, null, null);
    }

    @Test
    void anArticleMatchesByAnyTagRegionOrCountry() {
        assertThat(following(List.of("sanctions"), List.of(), List.of())
                .wantsArticle(List.of("trade", "sanctions"), List.of(), List.of(), "desk")).isTrue();
        assertThat(following(List.of(), List.of("middle-east"), List.of())
                .wantsArticle(List.of(), List.of("middle-east"), List.of(), "desk")).isTrue();
        assertThat(following(List.of(), List.of(), List.of("AT"))
                .wantsArticle(List.of(), List.of(), List.of("SY", "AT"), "desk")).isTrue();
        assertThat(following(List.of("sanctions"), List.of("europe"), List.of("FR"))
                .wantsArticle(List.of("trade"), List.of("asia"), List.of("JP"), "desk")).isFalse();
        assertThat(Subscription.defaults("anna").wantsArticle(List.of("trade"), List.of("asia"), List.of("JP"), "desk")).isFalse();
    }

    @Test
    void nobodyHearsOfTheirOwnArticle() {
        assertThat(following(List.of("sanctions"), List.of(), List.of())
                .wantsArticle(List.of("sanctions"), List.of(), List.of(), "anna")).isFalse();
    }

    @Test
    void aSuspendedMemberOrOneWhoTurnedArticlesOffHearsNothing() {
        Subscription anna = following(List.of("sanctions"), List.of(), List.of());
        Subscription suspended = new Subscription("anna", "Anna", Subscription.MemberStatus.SUSPENDED, false, anna.tags(),
                anna.regions(), anna.countries(), anna.articles(), anna.repliesToMyComments(), anna.commentDecisions(),
                null, null, null, null);
        Subscription off = new Subscription("anna", "Anna", Subscription.MemberStatus.ACTIVE, false, anna.tags(), anna.regions(),
                anna.countries(), new Delivery(false, Set.of(Channel.IN_APP), Cadence.IMMEDIATE),
                anna.repliesToMyComments(), anna.commentDecisions(), null, null, null, null);

        assertThat(suspended.wantsArticle(List.of("sanctions"), List.of(), List.of(), "desk")).isFalse();
        assertThat(off.wantsArticle(List.of("sanctions"), List.of(), List.of(), "desk")).isFalse();
    }

    @Test
    void someoneNeverApprovedHearsOfNoBriefingButACommentsAuthorIsAMember() {
        Subscription unknown = following(List.of("sanctions"), List.of(), List.of());
        Subscription neverApproved = new Subscription("anna", null, null, false, unknown.tags(), unknown.regions(),
                unknown.countries(), unknown.articles(), unknown.repliesToMyComments(), unknown.commentDecisions(),
                null, null, null, null);

        assertThat(neverApproved.active()).isFalse();
        assertThat(neverApproved.wantsArticle(List.of("sanctions"), List.of(), List.of(), "desk")).isFalse();
        assertThat(neverApproved.ofKnownMember().active()).isTrue();
        Subscription suspended = new Subscription("anna", null, Subscription.MemberStatus.SUSPENDED, false, List.of(), List.of(),
                List.of(), unknown.articles(), unknown.repliesToMyComments(), unknown.commentDecisions(), null, null, null, null);
        assertThat(suspended.ofKnownMember().active()).isFalse();
    }

    @Test
    void theModeratorsTopicsReachOnlyModeratorsWhoTurnedThemOn() {
        Delivery on = new Delivery(true, Set.of(Channel.IN_APP), Cadence.IMMEDIATE);
        Subscription defaults = Subscription.defaults("mona");
        Subscription moderator = new Subscription("mona", "Mona", Subscription.MemberStatus.ACTIVE, true, List.of(),
                List.of(), List.of(), defaults.articles(), defaults.repliesToMyComments(), defaults.commentDecisions(),
                on, on, null, null);
        Subscription formerModerator = new Subscription("mona", "Mona", Subscription.MemberStatus.ACTIVE, false, List.of(),
                List.of(), List.of(), defaults.articles(), defaults.repliesToMyComments(), defaults.commentDecisions(),
                on, on, null, null);

        assertThat(moderator.wants(Topic.COMMENTS_WAITING)).isTrue();
        assertThat(moderator.wants(Topic.NEW_APPLICATIONS)).isTrue();
        assertThat(formerModerator.wants(Topic.COMMENTS_WAITING)).isFalse();
        assertThat(defaults.ofKnownMember().wants(Topic.COMMENTS_WAITING)).isFalse();
        assertThat(defaults.schedule()).isEqualTo(MailSchedule.DEFAULT);
    }
}
