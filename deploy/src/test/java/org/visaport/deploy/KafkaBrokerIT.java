package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path data;

    @Test
    void startsAKraftBrokerWithTheEventTopicsAndKeepsThemAndTheCommittedOffsetsAcrossARestart() throws Exception {
        int port = Ports.findFree();
        int controllerPort = Ports.findFree();

        try (KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), data.resolve("logs"), port, controllerPort, 3)) {
            assertThat(describe(broker.bootstrapServers()))
                    .containsKeys("visaport.article.events", "visaport.article.events-dlt", "visaport.member.events",
                            "visaport.member.events-dlt", "visaport.comment.events", "visaport.comment.events-dlt")
                    .allSatisfy((topic, description) -> assertThat(description.partitions()).hasSize(3));

            commit(broker.bootstrapServers(), "readers", ARTICLES_1, 42);
            assertThat(describe(broker.bootstrapServers()).get("__consumer_offsets").partitions()).hasSize(1);
        }

        try (KafkaBroker restarted = KafkaBroker.start(data.resolve("kafka"), data.resolve("logs"), port, controllerPort, 3)) {
            assertThat(describe(restarted.bootstrapServers())).containsKey("visaport.article.events");
            assertThat(committed(restarted.bootstrapServers(), "readers")).containsEntry(ARTICLES_1, new OffsetAndMetadata(42));
        }
    }

    private static final TopicPartition ARTICLES_1 = new TopicPartition("visaport.article.events", 1);

    private static void commit(String bootstrapServers, String group, TopicPartition partition, long offset) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)), Duration.ofSeconds(30));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrapServers, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, TopicDescription> describe(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        }
    }
}
