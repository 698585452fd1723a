package org.visaport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.visaport.deploy.Ports;
import org.visaport.testsupport.TestMail;
import org.visaport.testsupport.WithEmbeddedParts;

/**
 * The mail server is unreachable when a membership message is due: the service's sender points at a port where
 * nothing listens (connections are refused, as when the server is down), the mail waits in the outbox and is retried
 * with back-off, and it goes out once the sender reaches a mail server again.
 */
@WithEmbeddedParts
class MailOutageIT extends NotificationApiTest {

    @Autowired
    private JavaMailSenderImpl sender;
    @Autowired
    private MongoTemplate mongo;

    @AfterEach
    void mailServerBack() {
        sender.setPort(TestMail.smtpPort());
    }

    @Test
    void aMailWaitsOutAnSmtpOutageAndIsSentAfterIt() {
        sender.setPort(Ports.findFree());
        String memberId = UUID.randomUUID().toString();
        String address = newAddress();

        notificationRequested(memberId, address, "en", "application-received", null, null);

        Query mine = Query.query(Criteria.where("memberId").is(memberId));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document mail = mongo.findOne(mine, Document.class, "mail_outbox");
            return mail != null && mail.getInteger("attempts") >= 2;
        });
        assertThat(mongo.findOne(mine, Document.class, "mail_outbox").getString("status")).isEqualTo("PENDING");
        assertThat(TestMail.receivedBy(address)).isEmpty();

        sender.setPort(TestMail.smtpPort());

        assertThat(TestMail.await(address, Duration.ofSeconds(30)).subject()).isEqualTo("We received your VisaPort application");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "SENT".equals(mongo.findOne(mine, Document.class, "mail_outbox").getString("status")));
        assertThat(TestMail.receivedBy(address)).hasSize(1);
    }
}
