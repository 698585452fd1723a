package org.visaport.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTextsTest {

    @Test
    void everyKindOfLinkIsCountedWithItsPlace() {
        var links = CommentTexts.links("See [this](https://a.example/x), <http://b.example> and www.c.example.");

        assertThat(links).extracting(Hold.Match::found).containsExactly("https://a.example/x", "http://b.example", "www.c.example");
        assertThat(links.getFirst().start()).isEqualTo(11);
    }

    @Test
    void quotesNestAtMostFiveDeep() {
        CommentTexts texts = new CommentTexts(new org.visaport.platform.rendering.MarkdownRenderer());

        assertThat(texts.of("> > > > > five deep").html()).contains("<blockquote>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> texts.of(">".repeat(5000) + " deep"))
                .hasMessageContaining("validation");
    }

    @Test
    void aRepostWithOtherCapitalsSpacingOrPunctuationHasTheSameFingerprint() {
        assertThat(CommentTexts.fingerprint("Free visas for all!")).isEqualTo(CommentTexts.fingerprint("free   VISAS, for all"));
        assertThat(CommentTexts.fingerprint("Free visas for all")).isNotEqualTo(CommentTexts.fingerprint("Free visas for some"));
    }
}
