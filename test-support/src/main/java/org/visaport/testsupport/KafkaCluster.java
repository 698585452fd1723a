package org.visaport.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Real Apache Kafka (KRaft) inside the test JVM, built with Kafka's own test kit: every node on ports and a log folder
 * of its own, replicating as a production cluster does. Each topic is written to every broker unless it says
 * otherwise, and a write with {@code acks=all} needs a majority of them in sync ({@code min.insync.replicas}). One node
 * is what most tests share ({@link EmbeddedKafkaBroker}); three let a test stop brokers and watch the others carry on.
 */
public final class KafkaCluster implements AutoCloseable {

    static {
        // A broker that gives up calls Exit, which would end the whole test JVM and every other test class in it.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka tried to exit with " + status + ": " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka tried to halt with " + status + ": " + message);
        });
    }

    private final KafkaClusterTestKit kit;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /**
     * Starts {@code brokers} brokers with as many controllers; topics created without a count get {@code partitions}.
     * A single node is broker and controller at once. Several get controllers of their own, as a production cluster
     * (or a Strimzi node pool) has them: with combined nodes, Kafka 4.1.2's test kit crashes the controllers' Raft
     * thread at start ("Received unexpected invalid request error" on UpdateVoter), and stopping a broker then stops
     * only the broker, never a vote of the metadata quorum.
     */
    public static KafkaCluster start(int brokers, int partitions) {
        // A majority: with three brokers one may be lost without losing an acknowledged write or refusing new ones.
        String minInSync = Integer.toString(brokers / 2 + 1);
        String replicas = Integer.toString(brokers);
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(brokers == 1)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(brokers)
                    // What a new production cluster is formatted with, not the test kit's unreleased default.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("num.partitions", Integer.toString(partitions))
                    .setConfigProp("default.replication.factor", replicas)
                    .setConfigProp("min.insync.replicas", minInSync)
                    .setConfigProp("offsets.topic.replication.factor", replicas)
                    // One partition of the consumer offsets per broker instead of Kafka's 50, as the local stack's broker
                    // has: each is files to create and a leader to elect, for a handful of groups per test.
                    .setConfigProp("offsets.topic.num.partitions", replicas)
                    .setConfigProp("transaction.state.log.replication.factor", replicas)
                    .setConfigProp("transaction.state.log.min.isr", minInSync)
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaCluster(kit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a Kafka cluster of " + brokers, e);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** The ids that Admin's partition descriptions name as leaders and replicas. */
    public Set<Integer> brokerIds() {
        return new TreeSet<>(brokers().keySet());
    }

    /** Stops one broker as an operator's restart does: controlled shutdown, its partitions' leadership moved first. */
    public void stopBroker(int id) {
        BrokerServer broker = broker(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again on its own log folder and port; it catches up and rejoins the in-sync replicas. */
    public void startBroker(int id) {
        broker(id).startup();
    }

    @Override
    public void close() {
        try {
            kit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Kafka", e);
        }
    }

    private BrokerServer broker(int id) {
        BrokerServer broker = brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + " in " + brokerIds());
        }
        return broker;
    }

    private Map<Integer, BrokerServer> brokers() {
        return kit.brokers();
    }
}
