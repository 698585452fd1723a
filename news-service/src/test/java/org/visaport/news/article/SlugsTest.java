package org.visaport.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void derivesReadableSlugsFromTitles() {
        assertThat(Slugs.fromTitle("US. State department suspends bilateral channels with Russia over Syria"))
                .isEqualTo("us-state-department-suspends-bilateral-channels-with-russia-over-syria");
        assertThat(Slugs.fromTitle("Côte d'Ivoire: élections")).isEqualTo("cote-d-ivoire-elections");
        assertThat(Slugs.fromTitle("???")).isEqualTo("article");
    }

    @Test
    void cutsLongTitlesAtAWordBoundary() {
        String slug = Slugs.fromTitle("word ".repeat(40));

        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }

    @Test
    void aTitleUsedOverAndOverStillGetsSlugsFirstNumberedThenRandom() {
        assertThat(Slugs.withSuffix("joint-statement", 2)).isEqualTo("joint-statement-2");
        assertThat(Slugs.withSuffix("joint-statement", Slugs.NUMBERED)).isEqualTo("joint-statement-" + Slugs.NUMBERED);
        assertThat(Slugs.withSuffix("joint-statement", Slugs.NUMBERED + 1)).matches("joint-statement-[a-z0-9]{6}");
        assertThat(Slugs.withSuffix("joint-statement", Slugs.NUMBERED + 1)).isNotEqualTo(Slugs.withSuffix("joint-statement", Slugs.NUMBERED + 1));
    }
}
