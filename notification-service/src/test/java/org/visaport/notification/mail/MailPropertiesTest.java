package org.visaport.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailPropertiesTest {

    private final MailProperties properties = new MailProperties("VisaPort <no-reply@visaport.local>", Duration.ofSeconds(5),
            100, Duration.ofSeconds(30), Duration.ofMinutes(30), 3, Duration.ofMinutes(2), Duration.ofDays(35),
            Duration.ofDays(7));

    @Test
    void retriesBackOffExponentiallyUpToTheBound() {
        assertThat(properties.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.retryAfter(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.retryAfter(1000)).isEqualTo(Duration.ofMinutes(30));
    }
}
