package org.visaport.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.visaport.platform.scheduling.SchedulingAutoConfiguration;
import org.visaport.platform.topics.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every VisaPort consumer treats a record it cannot handle: retried with exponential back-off
 * ({@code visaport.consumer.retries}, from {@code visaport.consumer.first-retry-after}), then parked in the topic's
 * {@code -dlt} on the same partition, so one bad record never blocks the ones behind it and is never lost. A record
 * that cannot be read at all (not JSON, no envelope) goes to the dead letters at once: retrying cannot fix it.
 * Boot's listener container factory picks the handler up. Each parked record counts in
 * {@code visaport_consumer_dead_letters_total} (tag {@code topic}: the dead-letter topic): a service cannot see how
 * many records a topic holds, but it knows when it adds one, and that is what an operator must hear of.
 */
@AutoConfiguration(after = SchedulingAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({KafkaTemplate.class, MongoTemplate.class})
public class ConsumerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerAutoConfiguration.class);

    static final String DEAD_LETTERS = "visaport.consumer.dead.letters";

    @Bean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock,
                                    @Value("${visaport.consumer.remember-for:P7D}") Duration rememberFor) {
        return new ProcessedEvents(mongo, clock, rememberFor);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler visaportConsumerErrorHandler(KafkaTemplate<String, String> kafka,
                                                     @Value("${visaport.consumer.retries:4}") int retries,
                                                     @Value("${visaport.consumer.first-retry-after:PT0.5S}") Duration firstRetry,
                                                     ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            // Registered at zero, so the first record ever parked is an increase Prometheus can see (increase() needs
            // a sample before it) and the dead-letter alert fires on it.
            Topics.EVENT_TOPICS.forEach(topic -> registry.counter(DEAD_LETTERS, "topic", Topics.deadLetter(topic)));
        }
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> {
                    String deadLetterTopic = Topics.deadLetter(record.topic());
                    log.warn("Parking record {}-{}@{} in {} after: {}", record.topic(), record.partition(), record.offset(),
                            deadLetterTopic, failure.toString());
                    if (registry != null) {
                        registry.counter(DEAD_LETTERS, "topic", deadLetterTopic).increment();
                    }
                    return new TopicPartition(deadLetterTopic, record.partition());
                });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(firstRetry.toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(UnreadableEvent.class);
        return handler;
    }
}
