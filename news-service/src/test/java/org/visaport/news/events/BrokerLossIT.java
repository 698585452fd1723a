package org.visaport.news.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.events.EventEnvelope;
import org.visaport.platform.events.EventRecorder;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxEvent;
import org.visaport.platform.outbox.OutboxProperties;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.outbox.OutboxRelays;
import org.visaport.platform.topics.Topics;
import org.visaport.testsupport.EmbeddedMongo;
import org.visaport.testsupport.KafkaCluster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka loses a broker while the newsroom keeps publishing. On three nodes that keep every event on all three and
 * acknowledge it once two hold it, news-service's own publishing path — its producer settings as its
 * {@code application.yaml} states them, the platform's outbox relay — delivers every event, in order per article.
 * With two brokers gone Kafka refuses to acknowledge a single copy, and the events wait in the outbox until it can.
 */
class BrokerLossIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Binder NEWS_SERVICE = settingsOf("application.yaml");
    private static final int PARTITIONS = NEWS_SERVICE.bind("visaport.events.partitions", Integer.class).get();
    private static final KafkaCluster KAFKA = KafkaCluster.start(3, PARTITIONS);
    private static final String TOPIC = Topics.ARTICLE_EVENTS;
    private static final int ARTICLES = 6;

    private static Admin admin;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Set<Integer> stopped = new HashSet<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoClient mongoClient;
    private MongoTemplate mongo;
    private OutboxRelay relay;
    private ScheduledExecutorService safetyNet;
    private Newsroom newsroom;
    private Subscriber subscriber;

    @BeforeAll
    static void createTheTopicAsTheServicesDo() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
        // Like the services' topic declaration: partitions stated, replication left to the cluster's defaults.
        admin.createTopics(List.of(TopicBuilder.name(TOPIC).partitions(PARTITIONS).build())).all().get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void newsServicePublishingPath() {
        mongoClient = MongoClients.create(EmbeddedMongo.uri());
        mongo = new MongoTemplate(mongoClient, "news_broker_loss_" + run);
        relay = new OutboxRelays(mongo, newsServiceProducer(), NEWS_SERVICE.bind("visaport.outbox", OutboxProperties.class).get(),
                Clock.systemUTC(), meters).create(OutboxDefinition.of("articles"));
        // The service's own safety net, at its own interval: what a refused send left behind goes on the next round.
        safetyNet = Executors.newSingleThreadScheduledExecutor();
        long interval = NEWS_SERVICE.bind("visaport.outbox.poll-interval", Duration.class).get().toMillis();
        safetyNet.scheduleWithFixedDelay(relay::poll, interval, interval, TimeUnit.MILLISECONDS);
        newsroom = new Newsroom(mongo, relay, new EventRecorder(JSON, Clock.systemUTC(), "/news-service"));
        subscriber = new Subscriber("article-readers-" + run, "article-" + run + "-");
    }

    @AfterEach
    void wholeClusterAgain() {
        newsroom.stop();
        safetyNet.shutdownNow();
        subscriber.close();
        relay.close();
        mongoClient.close();
        stopped.forEach(KAFKA::startBroker);
        // The next test starts on three in-sync copies of everything, whatever this one left behind.
        await().atMost(Duration.ofSeconds(60)).until(() -> partitions().stream().allMatch(p -> p.isr().size() == 3));
    }

    @AfterAll
    static void stopCluster() {
        admin.close();
        KAFKA.close();
    }

    @Test
    void theTopicKeepsThreeCopiesAndAcknowledgesOnlyWhenTwoAreInSync() throws Exception {
        assertThat(partitions()).hasSize(PARTITIONS).allSatisfy(p -> {
            assertThat(p.replicas()).hasSize(3);
            assertThat(p.isr()).hasSize(3);
        });
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
        assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
        Map<String, Object> producer = newsServiceProducerSettings();
        assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }

    @Test
    void everyEventArrivesInOrderPerArticleWhenThePartitionLeadersBrokerStopsMidStream() {
        newsroom.publishSteadily(ARTICLES, article(""));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.received().size() >= 100);

        int partition = subscriber.partitionOf(article("0"));
        int leader = leaderOf(partition);
        KAFKA.stopBroker(leader);
        stopped.add(leader);
        int writtenWhenStopped = newsroom.recorded().size();
        await().atMost(Duration.ofSeconds(30)).until(() -> newsroom.recorded().size() >= writtenWhenStopped + 300);
        newsroom.stop();

        List<String> recorded = newsroom.recorded();
        await().atMost(Duration.ofSeconds(60)).until(() -> subscriber.eventIds().containsAll(recorded));
        assertThat(subscriber.eventIds()).as("nothing but what was recorded").containsExactlyInAnyOrderElementsOf(recorded);
        // Leadership moved before the broker went, so no send failed and the relay repeated none: exactly once each.
        assertThat(sendFailures()).as("sends the relay had to repeat").isZero();
        assertThat(subscriber.sequencesByArticle()).hasSize(ARTICLES).allSatisfy((article, sequences) ->
                assertThat(sequences).as(article).containsExactlyElementsOf(range(newsroom.recordedFor(article))));
        // The partition carried on with the two brokers left: led by another, written to both, the stopped one out of sync.
        TopicPartitionInfo after = partitions().get(partition);
        assertThat(after.leader().id()).isNotEqualTo(leader);
        assertThat(after.isr()).extracting(Node::id).hasSize(2).doesNotContain(leader);
    }

    @Test
    void withOneInSyncCopyLeftKafkaRefusesTheEventAndItWaitsInTheOutboxUntilASecondCopyIsPossible() {
        String article = article("solo");
        newsroom.publish(article);
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.sequencesByArticle().containsKey(article));
        int partition = subscriber.partitionOf(article);
        int leader = leaderOf(partition);
        List<Integer> followers = KAFKA.brokerIds().stream().filter(id -> id != leader).toList();
        followers.forEach(id -> {
            KAFKA.stopBroker(id);
            stopped.add(id);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> partitions().get(partition).isr().size() == 1);

        newsroom.publish(article);
        newsroom.publish(article);
        await().atMost(Duration.ofSeconds(30)).until(() -> sendFailures() > 0);
        assertThat(waitingEvents(article)).as("events kept in the outbox").isEqualTo(2);
        assertThat(subscriber.sequencesByArticle().get(article)).containsExactly(0);

        KAFKA.startBroker(followers.getFirst());
        stopped.remove(followers.getFirst());

        await().atMost(Duration.ofSeconds(60)).until(() -> subscriber.sequencesByArticle().get(article).size() == 3);
        assertThat(subscriber.sequencesByArticle().get(article)).containsExactly(0, 1, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingEvents(article) == 0);
    }

    private String article(String suffix) {
        return "article-" + run + "-" + suffix;
    }

    private static List<Integer> range(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private int leaderOf(int partition) {
        return partitions().get(partition).leader().id();
    }

    private static List<TopicPartitionInfo> partitions() {
        try {
            TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
            return description.partitions();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + TOPIC, e);
        }
    }

    private double sendFailures() {
        return meters.get("visaport.outbox.send.failures").counter().count();
    }

    private long waitingEvents(String article) {
        Document aggregate = mongo.findById(article, Document.class, "articles");
        return aggregate == null ? 0 : aggregate.getList("outbox", Document.class, List.of()).size();
    }

    private KafkaTemplate<String, String> newsServiceProducer() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(newsServiceProducerSettings()));
    }

    /** The producer exactly as news-service configures it (acks, idempotence, timeouts), aimed at the cluster. */
    private static Map<String, Object> newsServiceProducerSettings() {
        Map<String, Object> settings = NEWS_SERVICE.bind("spring.kafka", KafkaProperties.class).get().buildProducerProperties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return settings;
    }

    private static Binder settingsOf(String resource) {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource));
            return new Binder(ConfigurationPropertySources.from(documents), new PropertySourcesPlaceholdersResolver(documents));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Editors at work: each event recorded in its article's outbox in one document write, then handed to the relay at
     * once, as the service does after its writes. Each article's events carry their sequence number as payload.
     */
    private static final class Newsroom {

        private final MongoTemplate mongo;
        private final OutboxRelay relay;
        private final EventRecorder recorder;
        private final ScheduledExecutorService editors = Executors.newSingleThreadScheduledExecutor();
        private final List<String> recorded = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        Newsroom(MongoTemplate mongo, OutboxRelay relay, EventRecorder recorder) {
            this.mongo = mongo;
            this.relay = relay;
            this.recorder = recorder;
        }

        /** An event every 10 ms, the articles taking turns, until stopped. */
        void publishSteadily(int articles, String prefix) {
            editors.scheduleAtFixedRate(() -> publish(prefix + next.getAndIncrement() % articles), 0, 10, TimeUnit.MILLISECONDS);
        }

        void publish(String article) {
            int sequence = sequences.computeIfAbsent(article, a -> new AtomicInteger()).getAndIncrement();
            OutboxEvent event = recorder.event(TOPIC, "article.updated", article, Map.of("sequence", sequence));
            mongo.upsert(Query.query(Criteria.where("_id").is(article)), new Update().push("outbox", event), "articles");
            recorded.add(event.eventId());
            relay.dispatch(article);
        }

        List<String> recorded() {
            return List.copyOf(recorded);
        }

        int recordedFor(String article) {
            return sequences.get(article).get();
        }

        /** Lets the event being written finish: interrupted, it would take a sequence number and never be recorded. */
        void stop() {
            editors.shutdown();
            try {
                editors.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A downstream system reading the article events as one consumer group, for the whole test, failover included. */
    private static final class Subscriber implements AutoCloseable {

        private static final EventReader READER = new EventReader(JSON);

        private final String articlePrefix;
        private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Subscriber(String group, String articlePrefix) {
            this.articlePrefix = articlePrefix;
            Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(TOPIC));
            thread = Thread.ofPlatform().name("article-subscriber").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                            // The topic is shared by the test methods: each reads its own articles.
                            if (record.key().startsWith(articlePrefix)) {
                                received.add(record);
                            }
                        });
                    }
                }
            });
        }

        List<ConsumerRecord<String, String>> received() {
            return received;
        }

        int partitionOf(String article) {
            return received.stream().filter(r -> r.key().equals(article)).findFirst().orElseThrow().partition();
        }

        Set<String> eventIds() {
            Set<String> ids = new HashSet<>();
            received.forEach(record -> ids.add(READER.read(record.value()).id()));
            return ids;
        }

        /** Each article's sequence numbers in the order they arrived, every delivery counted, duplicates included. */
        Map<String, List<Integer>> sequencesByArticle() {
            Map<String, List<Integer>> sequences = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : received) {
                EventEnvelope<JsonNode> event = READER.read(record.value());
                sequences.computeIfAbsent(event.subject(), a -> new ArrayList<>()).add(event.data().path("sequence").asInt());
            }
            return sequences;
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
