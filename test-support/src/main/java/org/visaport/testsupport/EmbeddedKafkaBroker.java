package org.visaport.testsupport;

/** A real Apache Kafka broker (KRaft) inside the test JVM, started once and shared by the test classes of a module. */
public final class EmbeddedKafkaBroker {

    private static KafkaCluster broker;

    private EmbeddedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = KafkaCluster.start(1, 6);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-stop"));
        }
        return broker.bootstrapServers();
    }
}
