package org.visaport.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    @Test
    void everythingPutIntoTheHtmlIsEscapedAndTheTextKeepsItAsWritten() {
        Mail mail = MailComposer.compose(Wording.of("en"), "A <b>bold</b> subject",
                List.of("Dear <script>alert(1)</script>,", "Line one\nline \"two\" & more"),
                new MailComposer.Link("Open <it>", "https://visaport.example/a?x=1&y=\"2\""), "Footer <i>note</i>", null);

        assertThat(mail.html()).doesNotContain("<script>", "<b>", "<it>", "<i>", "\"2\"")
                .contains("Dear &lt;script&gt;alert(1)&lt;/script&gt;,")
                .contains("Line one<br>\nline &quot;two&quot; &amp; more")
                .contains("<a href=\"https://visaport.example/a?x=1&amp;y=&quot;2&quot;\">Open &lt;it&gt;</a>")
                .contains("<title>A &lt;b&gt;bold&lt;/b&gt; subject</title>")
                .contains("Footer &lt;i&gt;note&lt;/i&gt;");
        assertThat(mail.text()).contains("Dear <script>alert(1)</script>,", "Open <it>: https://visaport.example/a?x=1&y=\"2\"",
                "-- \nFooter <i>note</i>");
    }

    @Test
    void theUnsubscribeLinkFollowsTheFooterInBothVersions() {
        Mail mail = MailComposer.compose(Wording.of("en"), "Subject", List.of("Body."), null, "Why you get this.",
                new MailComposer.Link("Stop <these>", "https://visaport.example/api/notifications/unsubscribe?token=a.b&x=1"));

        assertThat(mail.text()).endsWith("-- \nWhy you get this.\nStop <these>: https://visaport.example/api/notifications/unsubscribe?token=a.b&x=1\n");
        assertThat(mail.html()).contains("Why you get this.<br>\n<a href=\"https://visaport.example/api/notifications/unsubscribe?token=a.b&amp;x=1\">Stop &lt;these&gt;</a></p>");
    }
}
