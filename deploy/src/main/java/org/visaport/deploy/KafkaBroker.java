package org.visaport.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.visaport.platform.topics.Topics;

/** A single-node KRaft Apache Kafka broker in its own JVM, its log kept in the stack's data folder. */
public final class KafkaBroker implements AutoCloseable {

    private static final long RETENTION_MS = Duration.ofDays(30).toMillis();
    private static final Duration TRAINING_STOP = Duration.ofSeconds(60);

    private final ManagedProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ManagedProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path dataDirectory, Path logDirectory, int port, int controllerPort, int partitions) {
        return start(dataDirectory, logDirectory, port, controllerPort, partitions, null);
    }

    /**
     * As {@link #start(Path, Path, int, int, int)}, mapping the broker's AOT cache from {@code aotCaches} (none when
     * null). The first start with a new class path, JDK or JVM options is preceded by a run that records the cache and
     * is stopped once the broker is ready: about 5 s once, then the broker is ready in about 2.7 s instead of 4.
     */
    public static KafkaBroker start(Path dataDirectory, Path logDirectory, int port, int controllerPort, int partitions,
            AotCaches aotCaches) {
        Path config = writeConfig(dataDirectory, port, controllerPort, partitions);
        Path java = JavaRuntime.javaExecutable();
        String classpath = JavaRuntime.ownClasspath();
        if (!Files.exists(dataDirectory.resolve("log/meta.properties"))) {
            ManagedProcess format = ManagedProcess.start("kafka-storage-format",
                    List.of(java.toString(), "-Dlogback.configurationFile=" + JavaRuntime.LOGBACK_CONFIGURATION,
                            "-cp", classpath, "kafka.tools.StorageTool", "format",
                            "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                    Map.of(), dataDirectory, logDirectory.resolve("kafka.log"));
            format.awaitSuccess(Duration.ofSeconds(60));
        }
        List<String> cacheOptions = AotCaches.recordedOnce(
                () -> AotCaches.recording(aotCaches, "kafka", AotCaches.classPathFiles(classpath), JvmOptions.kafka()),
                recording -> launch(java, classpath, config, recording, "kafka training run", dataDirectory,
                        logDirectory.resolve("kafka-aot.log")),
                training -> awaitReady(training, port, partitions), TRAINING_STOP);
        ManagedProcess process = launch(java, classpath, config, cacheOptions, "kafka", dataDirectory, logDirectory.resolve("kafka.log"));
        KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + port);
        try {
            awaitReady(process, port, partitions);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static ManagedProcess launch(Path java, String classpath, Path config, List<String> cacheOptions, String name,
            Path dataDirectory, Path log) {
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(JvmOptions.kafka());
        command.addAll(cacheOptions);
        command.addAll(List.of("-Dlogback.configurationFile=" + JavaRuntime.LOGBACK_CONFIGURATION,
                "-cp", classpath, "kafka.Kafka", config.toString()));
        return ManagedProcess.start(name, command, Map.of(), dataDirectory, log);
    }

    private static void awaitReady(ManagedProcess process, int port, int partitions) {
        Readiness.await("Kafka on port " + port, () -> Readiness.portOpen("127.0.0.1", port), process, Duration.ofSeconds(90));
        createTopics("127.0.0.1:" + port, partitions);
    }

    private static Path writeConfig(Path dataDirectory, int port, int controllerPort, int partitions) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDirectory.resolve("log").toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("offsets.topic.replication.factor", "1");
        // Kafka's default of 50 partitions for the consumer offsets spreads groups over many brokers; on one local broker
        // each partition is only files to create and load. Read when the topic is created: a data folder made before
        // keeps its partitions, and the group coordinator follows the topic's actual count.
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (for the compacted consumer offsets) takes its whole dedupe buffer, 128 MB by default, in one
        // piece of the heap at start-up: in a 256 MB heap that failed once with OutOfMemoryError, ending the broker. A
        // few small compacted topics need far less.
        p.setProperty("log.cleaner.dedupe.buffer.size", Long.toString(16L * 1024 * 1024));
        // Topics are created explicitly with their partitions and retention; a typo in a topic name must not create one.
        p.setProperty("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(dataDirectory);
            Path file = dataDirectory.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "written by ./visaport up on every start");
            }
            return file;
        } catch (IOException e) {
            throw new StackException("cannot write Kafka configuration in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Creates the event topics and their dead-letter topics where they are missing; existing ones are left as they are. */
    public static void createTopics(String bootstrapServers, int partitions) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.withDeadLetters().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("retention.ms", Long.toString(RETENTION_MS))))
                    .collect(Collectors.toList());
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("cannot create Kafka topics on " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating Kafka topics", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
