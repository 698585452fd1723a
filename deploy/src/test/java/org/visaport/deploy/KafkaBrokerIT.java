package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path data;

    @Test
    void startsAKraftBrokerWithTheEventTopicsAndKeepsThemAcrossARestart() throws Exception {
        int port = Ports.findFree();
        int controllerPort = Ports.findFree();

        try (KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), data.resolve("logs"), port, controllerPort, 3)) {
            assertThat(describe(broker.bootstrapServers()))
                    .containsKeys("visaport.article.events", "visaport.article.events-dlt", "visaport.member.events",
                            "visaport.member.events-dlt", "visaport.comment.events", "visaport.comment.events-dlt")
                    .allSatisfy((topic, description) -> assertThat(description.partitions()).hasSize(3));
        }

        try (KafkaBroker restarted = KafkaBroker.start(data.resolve("kafka"), data.resolve("logs"), port, controllerPort, 3)) {
            assertThat(describe(restarted.bootstrapServers())).containsKey("visaport.article.events");
        }
    }

    private static Map<String, TopicDescription> describe(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        }
    }
}
