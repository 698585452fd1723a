package org.visaport.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Makes the relay of one aggregate's outbox; a service declares the result as a bean, the poll finds it there. */
public class OutboxRelays {

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public OutboxRelays(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock,
                        MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    public OutboxRelay create(OutboxDefinition outbox) {
        return new OutboxRelay(outbox, mongo, kafka, properties, clock, meters,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbox-" + outbox.name() + "-", 0).factory()));
    }
}
