package org.visaport.comment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visaport.comment.comment.CommentText;
import org.visaport.comment.comment.Hold;
import org.visaport.comment.comment.Rules;

class AutomaticRulesTest {

    @Test
    void wordsMatchWholeWordsInAnyCaseAndSayWhere() {
        Hold hold = AutomaticRules.bannedWords("The Embassy is a SCAM; classified scammers.", List.of("scam", "embassy")).orElseThrow();

        assertThat(hold.rule()).isEqualTo(Rules.BANNED_WORD);
        assertThat(hold.matches()).containsExactly(new Hold.Match("Embassy", 4, 11), new Hold.Match("SCAM", 17, 21));
        assertThat(hold.explanation()).isEqualTo("Contains \"Embassy\" at 4–11, \"SCAM\" at 17–21, on the banned list.");
    }

    @Test
    void phrasesMatchAcrossAnySpacingAndAccentedWordsMatchInAnyCase() {
        assertThat(AutomaticRules.matches("a free\n  visa offer", List.of("free visa"))).containsExactly(new Hold.Match("free\n  visa", 2, 13));
        assertThat(AutomaticRules.matches("ÉCRIVEZ-MOI", List.of("écrivez"))).hasSize(1);
        assertThat(AutomaticRules.suspectWords("nothing here", List.of("scam"))).isEmpty();
    }

    @Test
    void linksOverTheLimitHoldTheCommentWithEveryLinkListed() {
        CommentText text = new CommentText("x", "x", List.of(new Hold.Match("https://a.example", 0, 17),
                new Hold.Match("www.b.example", 20, 33), new Hold.Match("http://c.example", 40, 56)), "fp");

        Hold hold = AutomaticRules.links(text, 2).orElseThrow();

        assertThat(hold.count()).isEqualTo(3);
        assertThat(hold.limit()).isEqualTo(2);
        assertThat(hold.matches()).hasSize(3);
        assertThat(hold.explanation()).isEqualTo("3 links; more than 2 hold a comment for review.");
        assertThat(AutomaticRules.links(text, 3)).isEmpty();
    }

    @Test
    void aPreModerationWindowMayRunPastMidnight() {
        var night = new PreModerationWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Europe/Vienna"));

        assertThat(night.covers(Instant.parse("2026-11-25T22:30:00Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-11-25T04:59:00Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-11-25T05:00:00Z"))).as("06:00 in Vienna").isFalse();
        assertThat(night.covers(Instant.parse("2026-11-25T12:00:00Z"))).isFalse();
    }
}
