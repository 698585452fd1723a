package org.visaport.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.visaport.platform.scheduling.SchedulingAutoConfiguration;

/** The relay factory, and the safety-net poll over every relay the service declares. */
@AutoConfiguration(after = SchedulingAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, MongoTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelays outboxRelays(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                              Clock clock, MeterRegistry meters) {
        return new OutboxRelays(mongo, kafka, properties, clock, meters);
    }

    @Bean
    OutboxPoll outboxPoll(ObjectProvider<OutboxRelay> relays) {
        return new OutboxPoll(relays);
    }

    /** No scheduler lock: the per-aggregate leases already keep two instances from relaying the same aggregate. */
    public static class OutboxPoll {

        private final ObjectProvider<OutboxRelay> relays;

        OutboxPoll(ObjectProvider<OutboxRelay> relays) {
            this.relays = relays;
        }

        @Scheduled(fixedDelayString = "${visaport.outbox.poll-interval:PT1S}", initialDelayString = "${visaport.outbox.poll-interval:PT1S}")
        public void poll() {
            List<OutboxRelay> all = relays.orderedStream().toList();
            all.forEach(OutboxRelay::poll);
        }
    }
}
