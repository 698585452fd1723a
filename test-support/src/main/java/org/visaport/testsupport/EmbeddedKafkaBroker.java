package org.visaport.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Apache Kafka broker (KRaft) inside the test JVM, started once and shared by the test classes of a module. */
public final class EmbeddedKafkaBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 6);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }
}
