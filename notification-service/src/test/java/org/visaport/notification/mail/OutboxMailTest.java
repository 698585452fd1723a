package org.visaport.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    @Test
    void printsNeitherAddressNorContent() {
        OutboxMail mail = OutboxMail.subscribed("mail-1", "m-1", "anna.envoy@mission.example",
                "https://visaport.example/unsubscribe?token=secret-token",
                new Mail("Dear Anna", "Text for Anna", "<p>Html for Anna</p>"), Instant.EPOCH, Instant.EPOCH);

        assertThat(mail.toString()).contains("mail-1", "m-1")
                .doesNotContain("anna.envoy@mission.example", "Dear Anna", "Text for Anna", "Html for Anna", "secret-token");
    }
}
