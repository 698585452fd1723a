package org.visaport.notification.digest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.visaport.notification.contact.Contact;
import org.visaport.notification.contact.Contacts;
import org.visaport.notification.mail.Links;
import org.visaport.notification.mail.Mail;
import org.visaport.notification.mail.MailComposer;
import org.visaport.notification.mail.MailDispatcher;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.notification.mail.OutboxMail;
import org.visaport.notification.mail.Wording;
import org.visaport.notification.subscription.Channel;
import org.visaport.notification.subscription.Subscription;
import org.visaport.notification.subscription.Subscriptions;
import org.visaport.notification.subscription.Topic;
import org.visaport.notification.unsubscribe.UnsubscribeTokens;

/**
 * Sends each member's daily digest when it is due: what waited for it, as one mail through the mail outbox (so an
 * SMTP outage delays it like any mail, and quiet hours still hold it). Whether each item may still reach the member is
 * decided now, not when it arrived: a member suspended since gets nothing, a topic switched off or a moderator role
 * lost since leaves its items out, and so does a briefing retracted since.
 */
@Service
class DigestSender {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private final Digests digests;
    private final Subscriptions subscriptions;
    private final Contacts contacts;
    private final ArticleAccess articles;
    private final MailDispatcher mail;
    private final Links links;
    private final UnsubscribeTokens unsubscribeTokens;
    private final int maxItems;
    private final int membersPerRun;

    DigestSender(Digests digests, Subscriptions subscriptions, Contacts contacts, ArticleAccess articles,
                 MailDispatcher mail, Links links, UnsubscribeTokens unsubscribeTokens,
                 @Value("${visaport.notifications.digest.max-items:30}") int maxItems,
                 @Value("${visaport.notifications.digest.members-per-run:200}") int membersPerRun) {
        this.digests = digests;
        this.subscriptions = subscriptions;
        this.contacts = contacts;
        this.articles = articles;
        this.mail = mail;
        this.links = links;
        this.unsubscribeTokens = unsubscribeTokens;
        this.maxItems = maxItems;
        this.membersPerRun = membersPerRun;
    }

    @Scheduled(fixedDelayString = "${visaport.notifications.digest.poll-interval:PT1M}", initialDelay = 1000)
    @SchedulerLock(name = "digest-send", lockAtMostFor = "PT10M")
    void sendDue() {
        for (int i = 0; i < membersPerRun; i++) {
            Optional<String> member = digests.nextDueMember();
            if (member.isEmpty()) {
                return;
            }
            send(member.get());
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelay = 60_000)
    @SchedulerLock(name = "digest-purge", lockAtMostFor = "PT10M")
    void purgeDone() {
        digests.purgeDone();
    }

    private void send(String memberId) {
        List<DigestEntry> due = digests.dueFor(memberId);
        // Someone with waiting notices was taken for a member when they arrived; a suspension since still counts.
        Subscription subscription = subscriptions.of(memberId).ofKnownMember();
        List<DigestEntry> readable = due.stream()
                .filter(entry -> subscription.wants(entry.topic()) && subscription.delivery(entry.topic()).by(Channel.EMAIL))
                .filter(entry -> entry.articleId() == null || articles.stillReadable(entry.articleId()))
                .toList();
        Contact contact = contacts.of(List.of(memberId)).get(memberId);
        if (!readable.isEmpty() && contact != null) {
            // The first entry names the digest: the same due entries make the same mail, so a sender that died after
            // storing it and before marking the entries stores it again as the same mail.
            String mailId = MailOutbox.mailId("digest:" + due.getFirst().id(), memberId);
            String unsubscribe = links.unsubscribe(unsubscribeTokens.issue(memberId, Topic.DAILY_DIGEST));
            var now = digests.now();
            mail.enqueue(List.of(OutboxMail.subscribed(mailId, memberId, contact.email(), unsubscribe,
                    render(readable, contact, unsubscribe), now, subscription.schedule().releaseAt(now))));
            log.info("Digest of {} notices for member {} ({} left out)", readable.size(), memberId, due.size() - readable.size());
        } else {
            log.info("No digest for member {}: {} notices, none that may still reach them by mail", memberId, due.size());
        }
        digests.done(due);
    }

    Mail render(List<DigestEntry> entries, Contact contact, String unsubscribeUrl) {
        Wording wording = Wording.of(contact.language());
        Map<String, String> values = new HashMap<>();
        values.put("name", contact.fullName());
        values.put("site", links.site());
        values.put("count", Integer.toString(entries.size()));
        List<MailComposer.Section> sections = new ArrayList<>();
        wording.paragraphs("greeting", values).forEach(p -> sections.add(new MailComposer.Section(p, null)));
        wording.paragraphs("digest.intro", values).forEach(p -> sections.add(new MailComposer.Section(p, null)));
        String open = wording.text("digest.link", values);
        for (DigestEntry entry : entries.subList(0, Math.min(maxItems, entries.size()))) {
            String paragraph = entry.summary() == null || entry.summary().isBlank() ? entry.title()
                    : entry.title() + "\n" + entry.summary();
            sections.add(new MailComposer.Section(paragraph, new MailComposer.Link(open, entry.url())));
        }
        if (entries.size() > maxItems) {
            values.put("more", Integer.toString(entries.size() - maxItems));
            wording.paragraphs("digest.more", values).forEach(p -> sections.add(new MailComposer.Section(p, null)));
        }
        return MailComposer.compose(wording, wording.text("digest.subject", values), sections,
                wording.text("footer.subscription", values),
                new MailComposer.Link(wording.text("footer.unsubscribe-digest", values), unsubscribeUrl));
    }
}
