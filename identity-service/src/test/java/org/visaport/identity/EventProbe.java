package org.visaport.identity;

import tools.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/** Reads a topic from the start until an event matches; the deadline only bounds a failing test. */
public final class EventProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventProbe() {
    }

    public static List<JsonNode> await(String bootstrapServers, String topic, Predicate<JsonNode> wanted, int count) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(),
                "enable.auto.commit", false);
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant giveUp = Instant.now().plusSeconds(60);
            while (found.size() < count && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (wanted.test(event)) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }
}
