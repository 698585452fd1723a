package org.visaport.notification.membership;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.visaport.notification.contact.Contact;
import org.visaport.notification.contact.Contacts;
import org.visaport.notification.mail.Links;
import org.visaport.notification.mail.MailDispatcher;
import org.visaport.notification.mail.MailOutbox;
import org.visaport.notification.mail.OutboxMail;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.ProcessedEvents;
import org.visaport.platform.consumer.UnreadableEvent;
import org.visaport.platform.topics.Topics;

/**
 * Writes to members and applicants what identity-service asks for on its private topic, and keeps their contact
 * details from it. A message is mailed once however often the event arrives: the mail's id derives from the event.
 * Nothing here logs an address.
 */
@Component
class MemberNotificationsListener {

    static final String CONSUMER = "notification-service.member-notifications";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final Contacts contacts;
    private final MailDispatcher mail;
    private final Links links;
    private final Clock clock;

    MemberNotificationsListener(EventReader reader, ProcessedEvents processed, Contacts contacts, MailDispatcher mail,
                                Links links, Clock clock) {
        this.reader = reader;
        this.processed = processed;
        this.contacts = contacts;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBER_NOTIFICATIONS, groupId = CONSUMER)
    void on(String value) {
        var event = reader.read(value);
        if (!"member.notification-requested".equals(event.type())) {
            return;
        }
        Requested data = reader.data(event, Requested.class);
        // Not retryable: a message this service has no template for, or no one to send it to, waits in the dead letters.
        MembershipTemplate template = MembershipTemplate.of(data.template()).orElseThrow(() ->
                new UnreadableEvent("no template " + data.template() + " for event " + event.id(), null));
        if (data.email() == null || data.email().isBlank()) {
            throw new UnreadableEvent("event " + event.id() + " names no address", null);
        }
        if (template == MembershipTemplate.POSTING_ENDING && data.postingEndsOn() == null) {
            throw new UnreadableEvent("event " + event.id() + " asks for posting-ending without postingEndsOn", null);
        }
        processed.once(CONSUMER, event.id(), () -> {
            if (data.memberId() != null) {
                if (template.erases()) {
                    // The last message: the address is used for it and kept nowhere else.
                    contacts.erase(data.memberId());
                } else {
                    contacts.remember(new Contact(data.memberId(), data.email(), data.fullName(), data.language(), clock.instant()));
                }
            }
            // A refused applicant has no member id (identity-service sends null then): the mail is keyed by the event
            // alone, and no contact is kept, as nobody will be written to again.
            mail.enqueue(List.of(OutboxMail.mandatory(MailOutbox.mailId(event.id(), data.memberId()), data.memberId(),
                    data.email(), MembershipMails.render(template, data.language(), data.fullName(), data.message(),
                            data.postingEndsOn(), links.site()), clock.instant())));
        });
    }

    /**
     * The private payload; {@code email} is personal data and goes into the contact record and the mail only.
     * {@code memberId} is null when an application was refused before a member existed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Requested(String memberId, String email, String fullName, String language, String template, String message,
                     LocalDate postingEndsOn) {

        @Override
        public String toString() {
            return "Requested[memberId=" + memberId + ", template=" + template + "]";
        }
    }
}
