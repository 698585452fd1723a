package org.visaport.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static Subscription following(List<String> tags, List<String> regions, List<String> countries) {
        Subscription defaults = Subscription.defaults("anna");
        return new Subscription("anna", "Anna", Subscription.MemberStatus.ACTIVE, tags, regions, countries,
                defaults.articles(), defaults.repliesToMyComments(), defaults.commentDecisions(), null);
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
        Subscription suspended = new Subscription("anna", "Anna", Subscription.MemberStatus.SUSPENDED, anna.tags(),
                anna.regions(), anna.countries(), anna.articles(), anna.repliesToMyComments(), anna.commentDecisions(), null);
        Subscription off = new Subscription("anna", "Anna", Subscription.MemberStatus.ACTIVE, anna.tags(), anna.regions(),
                anna.countries(), new Delivery(false, Set.of(Channel.IN_APP), Cadence.IMMEDIATE),
                anna.repliesToMyComments(), anna.commentDecisions(), null);

        assertThat(suspended.wantsArticle(List.of("sanctions"), List.of(), List.of(), "desk")).isFalse();
        assertThat(off.wantsArticle(List.of("sanctions"), List.of(), List.of(), "desk")).isFalse();
    }

    @Test
    void someoneNeverApprovedHearsOfNoBriefingButACommentsAuthorIsAMember() {
        Subscription unknown = following(List.of("sanctions"), List.of(), List.of());
        Subscription neverApproved = new Subscription("anna", null, null, unknown.tags(), unknown.regions(),
                unknown.countries(), unknown.articles(), unknown.repliesToMyComments(), unknown.commentDecisions(), null);

        assertThat(neverApproved.active()).isFalse();
        assertThat(neverApproved.wantsArticle(List.of("sanctions"), List.of(), List.of(), "desk")).isFalse();
        assertThat(neverApproved.ofKnownMember().active()).isTrue();
        Subscription suspended = new Subscription("anna", null, Subscription.MemberStatus.SUSPENDED, List.of(), List.of(),
                List.of(), unknown.articles(), unknown.repliesToMyComments(), unknown.commentDecisions(), null);
        assertThat(suspended.ofKnownMember().active()).isFalse();
    }
}
