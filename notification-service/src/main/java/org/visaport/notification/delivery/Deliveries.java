package org.visaport.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.visaport.notification.contact.Contact;
import org.visaport.notification.contact.Contacts;
import org.visaport.notification.digest.DigestEntry;
import org.visaport.notification.digest.Digests;
import org.visaport.notification.feed.Feed;
import org.visaport.notification.feed.FeedItem;
import org.visaport.notification.mail.Links;
import org.visaport.notification.mail.Mail;
import org.visaport.notification.mail.MailComposer;
import org.visaport.notification.mail.MailDispatcher;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.notification.mail.OutboxMail;
import org.visaport.notification.mail.Wording;
import org.visaport.notification.subscription.Topic;
import org.visaport.notification.unsubscribe.UnsubscribeTokens;

/**
 * Tells a batch of members one notice on the channels each chose: all feed items in one bulk insert, all digest
 * entries in another, all contacts in one query, all mails in one bulk insert into the mail outbox. Both inserts skip what an earlier run of the same
 * event stored, so handling an event again tells nobody twice.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Feed feed;
    private final Contacts contacts;
    private final MailDispatcher mail;
    private final Links links;
    private final UnsubscribeTokens unsubscribeTokens;
    private final Digests digests;
    private final Clock clock;

    Deliveries(Feed feed, Contacts contacts, MailDispatcher mail, Links links, UnsubscribeTokens unsubscribeTokens,
               Digests digests, Clock clock) {
        this.feed = feed;
        this.digests = digests;
        this.contacts = contacts;
        this.mail = mail;
        this.links = links;
        this.unsubscribeTokens = unsubscribeTokens;
        this.clock = clock;
    }

    public void deliver(Notice notice, List<Recipient> recipients) {
        Instant now = clock.instant();
        Topic topic = topic(notice.kind());
        feed.add(recipients.stream().filter(Recipient::inApp)
                .map(r -> FeedItem.unread(FeedItem.idFor(notice.key(), r.memberId()), r.memberId(), notice.kind(),
                        notice.title(), notice.summary(), notice.link(), notice.at(), now))
                .toList());
        digests.hold(recipients.stream().filter(r -> r.byEmail() && r.inDigest())
                .map(r -> DigestEntry.waiting(FeedItem.idFor(notice.key(), r.memberId()), r.memberId(), topic,
                        notice.title(), notice.summary(), notice.url(), notice.articleToCheck(), notice.at(),
                        r.schedule().nextDigestAt(now)))
                .toList());
        Map<String, Recipient> byEmail = recipients.stream().filter(r -> r.byEmail() && !r.inDigest())
                .collect(Collectors.toMap(Recipient::memberId, r -> r, (a, b) -> a));
        Map<String, Contact> known = contacts.of(byEmail.keySet());
        if (known.size() < byEmail.size()) {
            log.debug("{} of {} members who want {} by e-mail have no known address", byEmail.size() - known.size(),
                    byEmail.size(), notice.kind());
        }
        mail.enqueue(known.values().stream()
                .map(contact -> {
                    String unsubscribe = links.unsubscribe(unsubscribeTokens.issue(contact.id(), topic));
                    // Quiet hours hold the mail in the outbox until they end; the feed item is there at once.
                    return OutboxMail.subscribed(MailOutbox.mailId(notice.key(), contact.id()), contact.id(),
                            contact.email(), unsubscribe, render(notice, contact, unsubscribe), now,
                            byEmail.get(contact.id()).schedule().releaseAt(now));
                })
                .toList());
    }

    /** What a member unsubscribes from by the link in such a mail: the subscription that made them get it. */
    static Topic topic(FeedItem.Kind kind) {
        return switch (kind) {
            case ARTICLE_PUBLISHED, ARTICLE_CORRECTED, ARTICLE_RETRACTED -> Topic.ARTICLES;
            case COMMENT_REPLY -> Topic.REPLIES;
            case COMMENT_APPROVED, COMMENT_REJECTED -> Topic.COMMENT_DECISIONS;
            case COMMENT_WAITING, COMMENT_REPORTED -> Topic.COMMENTS_WAITING;
            case APPLICATION_RECEIVED -> Topic.NEW_APPLICATIONS;
        };
    }

    /** The notice as a mail to one member, in their language; the footer says how to stop such mails. */
    Mail render(Notice notice, Contact contact, String unsubscribeUrl) {
        Wording wording = Wording.of(contact.language());
        Map<String, String> values = new HashMap<>(notice.values());
        values.put("name", contact.fullName());
        values.put("site", links.site());
        if (notice.values().containsKey("countryCode")) {
            values.put("country", Locale.of("", notice.values().get("countryCode")).getDisplayCountry(wording.locale()));
        }
        List<String> paragraphs = new java.util.ArrayList<>(wording.paragraphs("greeting", values));
        paragraphs.addAll(wording.paragraphs(notice.template() + ".body", values));
        return MailComposer.compose(wording, wording.text(notice.template() + ".subject", values), paragraphs,
                new MailComposer.Link(wording.text(notice.linkLabel(), values), notice.url()),
                wording.text("footer.subscription", values),
                new MailComposer.Link(wording.text("footer.unsubscribe", values), unsubscribeUrl));
    }
}
