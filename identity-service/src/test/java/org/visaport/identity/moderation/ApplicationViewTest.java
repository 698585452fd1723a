package org.visaport.identity.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationViewTest {

    @Test
    void moderatorsSeeOnlyTheEndOfTheAccreditationNumber() {
        assertThat(ApplicationView.mask("DIP-AT-1234567")).isEqualTo("••••••••••4567");
        assertThat(ApplicationView.mask("12")).isEqualTo("••");
        assertThat(ApplicationView.mask(null)).isNull();
    }
}
