package org.visaport.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailDispatcherTest {

    private static final Mail MAIL = new Mail("Subject", "Text", "<p>Text</p>");

    private final MailDispatcher dispatcher = new MailDispatcher(null, new JavaMailSenderImpl(),
            new MailProperties("VisaPort <no-reply@visaport.local>", Duration.ofSeconds(5), 10, Duration.ofSeconds(30),
                    Duration.ofMinutes(30), 3, Duration.ofMinutes(2), Duration.ofDays(35), Duration.ofDays(7)), null, new SimpleMeterRegistry());

    @Test
    void aSubscribedMailOffersOneClickUnsubscribe() throws Exception {
        String url = "https://visaport.example/api/notifications/unsubscribe?token=abc.def";
        MimeMessage message = dispatcher.message(OutboxMail.subscribed("id", "member", "anna@mission.example.org", url,
                MAIL, Instant.now(), Instant.now()));

        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + url + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void anAccountNoticeCarriesNoUnsubscribe() throws Exception {
        MimeMessage message = dispatcher.message(OutboxMail.mandatory("id", "member", "anna@mission.example.org", MAIL,
                Instant.now()));

        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
    }
}
