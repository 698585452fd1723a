package org.visaport.notification.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.visaport.notification.mail.Mail;

class MembershipMailsTest {

    private static final String SITE = "https://visaport.example";

    @ParameterizedTest
    @EnumSource(MembershipTemplate.class)
    void everyTemplateIsWrittenInEnglishAndFrenchAndSaysItCannotBeUnsubscribedFrom(MembershipTemplate template) {
        Mail english = MembershipMails.render(template, "en", "Anna Envoy", "A reason.", LocalDate.of(2026, 12, 3), SITE);
        Mail french = MembershipMails.render(template, "fr", "Anna Envoy", "A reason.", LocalDate.of(2026, 12, 3), SITE);

        assertThat(english.text()).startsWith("Dear Anna Envoy,").contains("you cannot unsubscribe from them");
        assertThat(french.text()).startsWith("Bonjour Anna Envoy,").contains("vous ne pouvez pas vous en désabonner");
        assertThat(french.subject()).isNotEqualTo(english.subject());
        assertThat(english.html()).contains("<html lang=\"en\">");
        assertThat(french.html()).contains("<html lang=\"fr\">");
    }

    @Test
    void theModeratorsMessageIsInsertedAsText() {
        Mail mail = MembershipMails.render(MembershipTemplate.INFORMATION_REQUESTED, "en", "Anna <Envoy>",
                "Please send <a href=\"https://evil.example\">your papers</a>\nby Friday.", null, SITE);

        assertThat(mail.html()).doesNotContain("<a href=\"https://evil.example\">", "<Envoy>")
                .contains("Please send &lt;a href=&quot;https://evil.example&quot;&gt;your papers&lt;/a&gt;<br>\nby Friday.")
                .contains("Dear Anna &lt;Envoy&gt;,");
        assertThat(mail.text()).contains("Please send <a href=\"https://evil.example\">your papers</a>\nby Friday.");
    }

    @Test
    void withoutAMessageTheParagraphIntroducingItIsLeftOut() {
        Mail mail = MembershipMails.render(MembershipTemplate.APPLICATION_REJECTED, "en", "Anna Envoy", null, null, SITE);

        assertThat(mail.text()).contains("has not been approved").doesNotContain("gave this reason");
    }

    @Test
    void aPostingEndingNamesTheDateInTheReadersLanguage() {
        assertThat(MembershipMails.render(MembershipTemplate.POSTING_ENDING, "fr", "Anna Envoy", null,
                LocalDate.of(2026, 12, 3), SITE).subject()).isEqualTo("Votre affectation prend fin le 3 décembre 2026");
    }
}
