package org.visaport.notification.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.visaport.notification.mail.Mail;
import org.visaport.notification.mail.MailComposer;
import org.visaport.notification.mail.Wording;

/** Writes a membership message in the addressee's language, with the footer that says it cannot be unsubscribed from. */
final class MembershipMails {

    private MembershipMails() {
    }

    /**
     * @param message       a moderator's words for the addressee, inserted as text; null leaves out the paragraph
     * @param postingEndsOn required by {@code posting-ending}, whose subject names it
     */
    static Mail render(MembershipTemplate template, String language, String fullName, String message,
                       LocalDate postingEndsOn, String site) {
        Wording wording = Wording.of(language);
        Map<String, String> values = new HashMap<>();
        values.put("name", fullName == null || fullName.isBlank() ? null : fullName);
        values.put("message", message == null || message.isBlank() ? null : message.strip());
        values.put("postingEndsOn", postingEndsOn == null ? null : wording.date(postingEndsOn));
        values.put("site", site);
        List<String> paragraphs = new ArrayList<>(wording.paragraphs("greeting", values));
        paragraphs.addAll(wording.paragraphs(template.key() + ".body", values));
        paragraphs.add(wording.text("signature", values));
        return MailComposer.compose(wording, wording.text(template.key() + ".subject", values), paragraphs, null, wording.text("footer.mandatory", values), null);
    }
}
