package org.visaport.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.visaport.platform.testing.ShiftedClock;
import org.visaport.testsupport.TestMail;

/**
 * The one application context every integration test of this service runs in (per kind of parts). One context on
 * purpose: contexts cached side by side in a JVM share the broker's consumer groups and would take each other's
 * events. Mail goes to {@link TestMail}; retries (mail, webhooks) are quick so tests wait seconds, not minutes; the
 * clock is real time that tests may move forward (never back), as the other tests in the context must keep working on it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "visaport.consumer.first-retry-after=PT0.05S",
        "visaport.notifications.mail.poll-interval=PT0.5S",
        "visaport.notifications.mail.first-retry-after=PT0.5S",
        "visaport.notifications.mail.max-retry-after=PT1S",
        "visaport.notifications.fan-out-batch=2",
        "visaport.notifications.stream.poll-interval=PT0.1S",
        "visaport.notifications.stream.settle=PT0.2S",
        "visaport.notifications.stream.heartbeat=PT1S",
        "visaport.notifications.digest.poll-interval=PT0.5S",
        // The test receivers listen on 127.0.0.1, which webhooks may not reach otherwise.
        "visaport.notifications.webhooks.allowed-private-networks=127.0.0.1/32",
        "visaport.notifications.webhooks.poll-interval=PT0.2S",
        "visaport.notifications.webhooks.first-retry-after=PT0.5S",
        "visaport.notifications.webhooks.max-retry-after=PT1S",
        "visaport.notifications.webhooks.retry-for=PT6S",
        "visaport.notifications.webhooks.metrics-interval=PT0.5S",
        "visaport.notifications.unsubscribe.secret=" + NotificationServiceTest.UNSUBSCRIBE_SECRET})
@Import(NotificationServiceTest.Mail.class)
@interface NotificationServiceTest {

    /** So tests can sign unsubscribe tokens the service would not issue (expired ones). */
    String UNSUBSCRIBE_SECRET = "test-unsubscribe-secret-0123456789abcdef";

    @TestConfiguration(proxyBeanMethods = false)
    class Mail {

        /** Real time, which a test may move on to the end of a member's quiet hours or to their digest hour. */
        @Bean
        ShiftedClock testClock() {
            return new ShiftedClock();
        }

        @Bean
        DynamicPropertyRegistrar testMail() {
            return registry -> {
                registry.add("spring.mail.host", () -> "127.0.0.1");
                registry.add("spring.mail.port", TestMail::smtpPort);
            };
        }
    }
}
